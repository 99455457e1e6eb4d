/**
 * Representation rules of docs/provider-contract.md, applied to the reference (and, for stored JSON, to
 * the database side too) so that two spellings of one fact compare equal and nothing else does:
 * null = absent, an absent list = an empty one, epoch seconds and ms and ISO with or without an offset
 * are one instant, numbers and booleans inside a value array are that text.
 */

export type Json = Record<string, unknown>;

export const isJson = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Json => (isJson(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
export const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** §0.2: record times are epoch ms (values below 1e12 are seconds) or ISO-8601; no offset means UTC. */
export function instant(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v < 1e12 ? v * 1000 : v;
  if (typeof v === "string" && ISO.test(v)) {
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}Z`;
    const ms = Date.parse(withZone);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/** §1.2: a field's `value` is text; a number or boolean sent in its place means that text. */
export const valueText = (v: unknown): string => (typeof v === "string" ? v : String(v));

/**
 * Canonical form of free JSON for comparison: absent, null, [] and {} members dropped; ISO strings
 * become epoch ms; object keys sorted. Applied to both sides, it only equates spellings of one value.
 */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isJson(v)) {
    const out: Json = {};
    for (const key of Object.keys(v).sort()) {
      const c = canonical(v[key]);
      if (c === null || c === undefined) continue;
      if (Array.isArray(c) && c.length === 0) continue;
      if (isJson(c) && Object.keys(c).length === 0) continue;
      out[key] = c;
    }
    return out;
  }
  if (typeof v === "string" && ISO.test(v)) return instant(v) ?? v;
  return v;
}

/** The members the contract names, nothing else: what a client that ignores unknown fields keeps. */
export function pick(v: unknown, keys: string[], nested: Record<string, (x: unknown) => unknown> = {}): Json | null {
  if (!isJson(v)) return null;
  const out: Json = {};
  for (const key of keys) if (v[key] !== undefined && v[key] !== null) out[key] = nested[key] ? nested[key](v[key]) : v[key];
  return out;
}
