// Ids that carry their own index. A generated id hides a keyed permutation of the
// record's index in its last four bytes, so a lookup by id decodes the index and then
// regenerates the id to check it: O(1), no id->index table, and unknown ids are rejected.
import { formatUuid, mix32, rngFor } from "./prng";

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function roundKeys(seed: number, domain: number): number[] {
  return [0, 1, 2, 3].map((r) => mix32(seed ^ mix32(domain * 7919 + r * 104729)));
}

/** A 4-round Feistel network over 32 bits: a bijection, so it can be inverted. */
function feistel(x: number, keys: number[], inverse: boolean): number {
  let l = (x >>> 16) & 0xffff;
  let r = x & 0xffff;
  const order = inverse ? [3, 2, 1, 0] : [0, 1, 2, 3];
  for (const k of order) {
    const key = keys[k] ?? 0;
    if (!inverse) {
      [l, r] = [r, (l ^ mix32(r ^ key)) & 0xffff];
    } else {
      [l, r] = [(r ^ mix32(l ^ key)) & 0xffff, l];
    }
  }
  return ((l << 16) | r) >>> 0;
}

function indexedBytes(seed: number, domain: number, index: number): Buffer {
  const out = Buffer.alloc(16);
  rngFor(seed, domain, index).bytes(12).copy(out, 0);
  out.writeUInt32BE(feistel(index >>> 0, roundKeys(seed, domain), false), 12);
  return out;
}

function indexFromBytes(seed: number, domain: number, bytes: Buffer): number {
  return feistel(bytes.readUInt32BE(12), roundKeys(seed, domain), true);
}

export function indexedUuid(seed: number, domain: number, index: number): string {
  return formatUuid(indexedBytes(seed, domain, index));
}

/** The index behind a generated UUID, or undefined when the id was not generated here. */
export function uuidIndex(seed: number, domain: number, id: string, count: number): number | undefined {
  if (!UUID_RE.test(id)) return undefined;
  const bytes = Buffer.from(id.replace(/-/g, ""), "hex");
  const index = indexFromBytes(seed, domain, bytes);
  if (index >= count) return undefined;
  return indexedUuid(seed, domain, index) === id.toLowerCase() ? index : undefined;
}

export function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | undefined {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

/** TrustX-style id: 26 upper-case base32 characters (128 bits). */
export function indexedBase32(seed: number, domain: number, index: number): string {
  return base32(indexedBytes(seed, domain, index));
}

export function base32Index(seed: number, domain: number, id: string, count: number): number | undefined {
  if (!/^[A-Z2-7]{26}$/.test(id)) return undefined;
  const bytes = fromBase32(id);
  if (!bytes || bytes.length < 16) return undefined;
  const index = indexFromBytes(seed, domain, bytes);
  if (index >= count) return undefined;
  return indexedBase32(seed, domain, index) === id ? index : undefined;
}

/** Trulioo-style 24-hex id (flows, nodes, elements). */
export function hex24(seed: number, domain: number, index: number): string {
  return rngFor(seed, domain, index).hex(12);
}

export function randomBase32(bytes: Buffer): string {
  return base32(bytes).slice(0, 26);
}
