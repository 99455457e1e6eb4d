// Small helpers for rewriting a rendered JSON body into a quirky but equivalent form.
import { isRecord } from "../http/body";

export type Json = Record<string, unknown>;

/** True for the values a client must read as "nothing here": absent, [], {}, "", false. */
export function isEmpty(v: unknown): boolean {
  return v === undefined || v === false || v === "" || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);
}

/** Writes an explicit null for each listed member whose value is empty, and only then. */
export function nullIfEmpty(o: Json, keys: readonly string[]): void {
  for (const k of keys) if (isEmpty(o[k])) o[k] = null;
}

export const records = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** A string that reads back as exactly this number (no leading zeros, no exponent surprises). */
export function asNumber(s: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(Math.trunc(n)) && String(n) === s ? n : undefined;
}
