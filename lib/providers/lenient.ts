import { z } from "zod";

export type TIssue = { path: string; message: string };
export type TInvalidItem = { raw: unknown; id: string | null; issues: TIssue[] };
/** A part of a record that could not be read, set aside (with what was wrong) while the rest is kept. */
export type TSetAside = TInvalidItem & { part: string };

const issuesOf = (error: z.ZodError): TIssue[] => error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
const idOf = (raw: unknown) => (raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" ? raw.id : null);

/**
 * Explicit `null` read as "absent". Real services send `null` for optional parts where the contract shows
 * the key left out, and zod's `.default()` only fills in `undefined`: without this, one null fails a record.
 */
export function absent<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema);
}

/**
 * A list whose items are parsed one by one: a malformed item is set aside (with what was wrong and where)
 * instead of failing the whole page or record, so one bad item never stops a sync. `null` or a missing
 * list is an empty one.
 */
export function ZLenientListSchema<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => value ?? [], z.array(z.unknown())).transform((values) => {
    const valid: z.output<T>[] = [];
    const invalid: TInvalidItem[] = [];
    for (const raw of values) {
      const parsed = item.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else invalid.push({ raw, id: idOf(raw), issues: issuesOf(parsed.error) });
    }
    return { valid, invalid };
  });
}

/** One optional part (e.g. a feedback object) that, when malformed, is set aside instead of failing its record. */
export function ZLenientPartSchema<T extends z.ZodType>(part: T) {
  return z
    .unknown()
    .optional()
    .transform((raw) => {
      if (raw === null || raw === undefined) return { value: null, invalid: null };
      const parsed = part.safeParse(raw);
      return parsed.success
        ? { value: parsed.data as z.output<T>, invalid: null }
        : { value: null, invalid: { raw, id: idOf(raw), issues: issuesOf(parsed.error) } as TInvalidItem };
    });
}

/** The set-aside items of several parts, named by part, for the record's `setAside`. */
export function setAside(parts: Record<string, (TInvalidItem | null)[]>): TSetAside[] {
  return Object.entries(parts).flatMap(([part, items]) => items.filter((i): i is TInvalidItem => i !== null).map((i) => ({ ...i, part })));
}

// Years 2001-5138 whether read as seconds or ms: anything else is a malformed value, not a date.
const EPOCH_MIN = 1e9;
const EPOCH_MAX = 1e14;
const SECONDS_BELOW = 1e12;
// An ISO date-time; without an offset it is read as UTC (TrustX sends such times).
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function toTime(value: unknown): Date | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < EPOCH_MIN || value >= EPOCH_MAX) return null;
    return new Date(value < SECONDS_BELOW ? value * 1000 : value);
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return toTime(Number(text));
  if (!ISO.test(text)) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const date = new Date(hasOffset ? text.replace(" ", "T") : `${text.replace(" ", "T")}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A point in time as any provider may send it: epoch seconds or milliseconds (values below 1e12 are
 * seconds), a numeric string, or ISO-8601 with or without an offset (none = UTC). Still strict about
 * meaning: anything that is not a time fails, since cursors and joins rely on these values.
 */
export const ZTimeSchema = z.unknown().transform((value, ctx) => {
  const date = toTime(value);
  if (date) return date;
  ctx.addIssue({ code: "custom", message: "not a time (epoch s/ms or ISO-8601)" });
  return z.NEVER;
});

/** An optional time: null or absent is null; a value that is there must still be a time. */
// `.optional()` outside the transform: zod only lets an object key be missing when its schema says so.
export const ZOptionalTimeSchema = z
  .unknown()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === "") return null;
    const date = toTime(value);
    if (date) return date;
    ctx.addIssue({ code: "custom", message: "not a time (epoch s/ms or ISO-8601)" });
    return z.NEVER;
  })
  .optional();

/** A time where a bad value only loses the time, not the record (notes, tasks). */
export const ZLooseTimeSchema = z
  .unknown()
  .transform((value) => toTime(value))
  .optional()
  .transform((value) => value ?? null);

/** Text as a provider may send it: numbers and booleans become their text (a postcode sent as 12345). */
export const ZTextSchema = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
