import { z } from "zod";

export type TInvalidItem = { raw: unknown; id: string | null; issues: { path: string; message: string }[] };

/**
 * A list whose items are parsed one by one: a malformed record is set aside (with what was wrong and
 * where) instead of failing the whole page, so one bad record never stops a sync.
 */
export function ZLenientListSchema<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((values) => {
    const valid: z.output<T>[] = [];
    const invalid: TInvalidItem[] = [];
    for (const raw of values) {
      const parsed = item.safeParse(raw);
      if (parsed.success) {
        valid.push(parsed.data);
        continue;
      }
      const id = raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" ? raw.id : null;
      invalid.push({ raw, id, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
    }
    return { valid, invalid };
  });
}
