// Deterministic randomness. Every record is generated from its own stream keyed by
// (seed, domain, index), so any record can be rebuilt on its own without generating
// its neighbours: that is what lets 1,000,000 profiles exist without being held in memory.

/** Stream domains: one per kind of record so two kinds never share a stream. */
export const D = {
  skeleton: 1,
  profile: 2,
  person: 3,
  company: 4,
  clientId: 5,
  workflow: 6,
  node: 7,
  element: 8,
  fileKey: 9,
  jumioKnown: 10,
  jumioAccount: 11,
  jumioExecution: 12,
  jumioCredential: 13,
  jumioAccountRef: 14,
  trustxKnown: 15,
  trustxInstance: 16,
  trustxToken: 17,
  trustxDefinition: 18,
  timeline: 19,
  owner: 20,
  entryTypo: 21,
} as const;

/** murmur3 finaliser: a cheap, well-mixed 32-bit hash. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function streamSeed(seed: number, domain: number, index: number): number {
  let h = mix32((seed ^ 0x9e3779b9) >>> 0);
  h = mix32(h ^ Math.imul(domain + 1, 0x27d4eb2f));
  h = mix32(h ^ (index >>> 0));
  // Indexes above 2^32 are not expected, but keep them distinct anyway.
  return mix32(h + Math.floor(index / 4294967296));
}

/** A uniform float in [0, 1) for (seed, domain, index) without building a generator. */
export function unitHash(seed: number, domain: number, index: number): number {
  return streamSeed(seed, domain, index) / 4294967296;
}

export function mulberry32(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }

  hex(nBytes: number): string {
    return this.bytes(nBytes).toString("hex");
  }

  /** A UUID v4 drawn from this stream (for ids nobody needs to look up by index). */
  uuid(): string {
    return formatUuid(this.bytes(16));
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

export function rngFor(seed: number, domain: number, index: number): Rng {
  return new Rng(streamSeed(seed, domain, index));
}

export function formatUuid(bytes: Buffer): string {
  const b = Buffer.from(bytes);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Accepts numbers and arbitrary strings as a seed, always yielding a uint32. */
export function normaliseSeed(value: string | number | undefined, fallback = 42): number {
  if (value === undefined || value === "") return fallback >>> 0;
  const n = typeof value === "number" ? value : Number(value);
  if (Number.isFinite(n)) return Math.trunc(n) >>> 0;
  let h = 0x811c9dc5;
  for (const ch of String(value)) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193);
  return h >>> 0;
}
