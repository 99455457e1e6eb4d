import { z } from "zod";

/**
 * One filter of a list: its strict value schema, how it reads from the URL (values that do not parse
 * are dropped, never thrown) and how it is written back. Shared by the server parse and the browser.
 */
export type TFilterDef<T> = {
  kind: "multi" | "one" | "bool" | "date";
  schema: z.ZodType<T>;
  fromUrl(raw: string[]): { value: T | undefined; dropped: string[] };
  toUrl(value: T): string | undefined;
};

export type TFilterDefs = Record<string, TFilterDef<unknown>>;
export type TFilterValues<F extends TFilterDefs> = { [K in keyof F]?: F[K] extends TFilterDef<infer T> ? T : never };

const split = (raw: string[]) => raw.flatMap((r) => r.split(",")).map((v) => v.trim()).filter((v) => v !== "");

/** Several values of one kind: `?status=ACCEPTED,REJECTED` (or the key repeated). */
function multi<T extends string>(item: z.ZodType<T>, max = 50): TFilterDef<T[]> {
  return {
    kind: "multi",
    schema: z.array(item).min(1).max(max),
    fromUrl(raw) {
      const values: T[] = [];
      const dropped: string[] = [];
      for (const v of split(raw)) {
        const parsed = item.safeParse(v);
        if (parsed.success && !values.includes(parsed.data) && values.length < max) values.push(parsed.data);
        else if (!parsed.success) dropped.push(v);
      }
      return { value: values.length ? values : undefined, dropped };
    },
    toUrl: (value) => (value.length ? value.join(",") : undefined),
  };
}

function one<T extends string>(item: z.ZodType<T>): TFilterDef<T> {
  return {
    kind: "one",
    schema: item,
    fromUrl(raw) {
      const v = split(raw)[0];
      if (v === undefined) return { value: undefined, dropped: [] };
      const parsed = item.safeParse(v);
      return parsed.success ? { value: parsed.data, dropped: [] } : { value: undefined, dropped: [v] };
    },
    toUrl: (value) => value,
  };
}

/** `yes` / `no`. */
function bool(): TFilterDef<boolean> {
  return {
    kind: "bool",
    schema: z.boolean(),
    fromUrl(raw) {
      const v = split(raw)[0];
      if (v === undefined) return { value: undefined, dropped: [] };
      if (v === "yes" || v === "true") return { value: true, dropped: [] };
      if (v === "no" || v === "false") return { value: false, dropped: [] };
      return { value: undefined, dropped: [v] };
    },
    toUrl: (value) => (value ? "yes" : "no"),
  };
}

const ZDaySchema = z.iso.date();

/** A calendar day, `YYYY-MM-DD` (UTC); ranges are two of these (`createdFrom`, `createdTo`). */
function date(): TFilterDef<string> {
  return { ...(one(ZDaySchema) as TFilterDef<string>), kind: "date" };
}

export const filter = { multi, one, bool, date };

/** Values people may type into a URL by hand: bounded, printable. */
export const ZTokenSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/);
