import "server-only";

// A small composable SQL fragment: values are always bound parameters, raw text only comes from code.
export type TFragment = { readonly parts: readonly string[]; readonly values: readonly unknown[] };

export function sql(strings: TemplateStringsArray, ...values: unknown[]): TFragment {
  const parts: string[] = [strings[0]!];
  const out: unknown[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      parts[parts.length - 1] += value.parts[0]!;
      for (let j = 1; j < value.parts.length; j++) {
        out.push(value.values[j - 1]);
        parts.push(value.parts[j]!);
      }
      parts[parts.length - 1] += strings[i + 1]!;
    } else {
      out.push(value);
      parts.push(strings[i + 1]!);
    }
  });
  return { parts, values: out };
}

function isFragment(value: unknown): value is TFragment {
  return typeof value === "object" && value !== null && "parts" in value && "values" in value;
}

/** Text written by the code itself (column names, directions); never user input. */
export const raw = (text: string): TFragment => ({ parts: [text], values: [] });

export function join(fragments: TFragment[], separator: string): TFragment {
  if (fragments.length === 0) return raw("");
  return fragments.slice(1).reduce((acc, f) => sql`${acc}${raw(separator)}${f}`, fragments[0]!);
}

export const where = (conditions: TFragment[]): TFragment =>
  conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : raw("");

export function toQuery(fragment: TFragment): { text: string; values: unknown[] } {
  return {
    text: fragment.parts.reduce((acc, part, i) => (i === 0 ? part : `${acc}$${i}${part}`), ""),
    values: [...fragment.values],
  };
}

/** `%fragment%` for LIKE, with the pattern characters of the user's text taken literally. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
