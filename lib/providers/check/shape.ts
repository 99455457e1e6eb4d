import type { z } from "zod";

// Which keys of a provider's raw JSON our schema does not know. A schema ignores extra keys, so an answer
// can parse and still carry fields nobody reads: a renamed field shows up here first, beside the default
// that hid it. Paths are generalised: `[]` for any array item, `*` for any key of a record.

type TDef = { type: string; [key: string]: unknown };

const MAX_FIELDS = 100;

function defOf(schema: unknown): TDef | null {
  const zod = (schema as { _zod?: { def?: TDef } } | null)?._zod;
  return zod?.def && typeof zod.def.type === "string" ? zod.def : null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function walk(schema: unknown, value: unknown, path: string, out: Set<string>, depth: number): void {
  const def = defOf(schema);
  if (!def || depth > 64 || out.size >= MAX_FIELDS || value === undefined || value === null) return;
  switch (def.type) {
    case "object": {
      if (!isPlainObject(value)) return;
      const shape = def.shape as Record<string, unknown>;
      for (const [key, child] of Object.entries(value)) {
        if (Object.hasOwn(shape, key)) walk(shape[key], child, join(path, key), out, depth + 1);
        // A catch-all that is a real schema (not unknown/any) describes the extra keys: they are known.
        else if (def.catchall && !["unknown", "any"].includes(defOf(def.catchall)?.type ?? "unknown")) walk(def.catchall, child, join(path, key), out, depth + 1);
        else out.add(join(path, key));
      }
      return;
    }
    case "array":
      if (Array.isArray(value)) for (const item of value) walk(def.element, item, `${path}[]`, out, depth + 1);
      return;
    case "tuple":
      if (Array.isArray(value)) (def.items as unknown[]).forEach((item, i) => walk(item, value[i], `${path}[${i}]`, out, depth + 1));
      return;
    case "record":
      if (isPlainObject(value)) for (const child of Object.values(value)) walk(def.valueType, child, join(path, "*"), out, depth + 1);
      return;
    case "union": {
      // The option that accepts the value is the one that describes it; when none does, every option's
      // keys count as known, so only keys no option knows are reported.
      const options = def.options as z.ZodType[];
      const accepting = options.find((o) => o.safeParse(value).success);
      if (accepting) return walk(accepting, value, path, out, depth + 1);
      const perOption = options.map((o) => {
        const found = new Set<string>();
        walk(o, value, path, found, depth + 1);
        return found;
      });
      for (const field of perOption[0] ?? []) if (perOption.every((s) => s.has(field))) out.add(field);
      return;
    }
    case "intersection": {
      const left = new Set<string>();
      const right = new Set<string>();
      walk(def.left, value, path, left, depth + 1);
      walk(def.right, value, path, right, depth + 1);
      for (const field of left) if (right.has(field)) out.add(field);
      return;
    }
    case "pipe": {
      // `.transform()` is a pipe into a transform (walk what comes in); `z.preprocess()` is a pipe out of
      // one (walk the schema it feeds).
      // A preprocess step (e.g. TrustX's createdDtm read as createdAt) is applied first, so a key the app
      // reads under another name is not reported as unread.
      const input = defOf(def.in);
      if (input?.type !== "transform") return walk(def.in, value, path, out, depth + 1);
      return walk(def.out, preprocessed(input, value), path, out, depth + 1);
    }
    case "lazy":
      return walk((def.getter as () => unknown)(), value, path, out, depth + 1);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "catch":
    case "readonly":
      return walk(def.innerType, value, path, out, depth + 1);
    default:
      // Scalars, unknown/any (free JSON by design), transforms: nothing to compare.
      return;
  }
}

function preprocessed(def: TDef, value: unknown): unknown {
  try {
    const result = (def.transform as (v: unknown, ctx: unknown) => unknown)(value, { issues: [], value, addIssue: () => undefined });
    return result instanceof Promise ? value : result;
  } catch {
    return value;
  }
}

/** Keys present in `value` that `schema` (zod v4) does not describe, sorted, at most 100. */
export function unknownFields(schema: z.ZodType, value: unknown): string[] {
  const out = new Set<string>();
  walk(schema, value, "", out, 0);
  return [...out].sort();
}
