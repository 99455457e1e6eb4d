import { humanise } from "@/lib/executions/stored";
import { cn } from "@/lib/utils";

// Free provider maps (capability data, consent, capture client, token parameters) as label/value pairs.
// Nested objects become "Parent · child" rows instead of JSON, so a reviewer reads words, not braces.

type TRow = { label: string; value: string };

function rowsOf(data: Record<string, unknown>, prefix: string[], order: readonly string[]): TRow[] {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.keys(data)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .flatMap((key): TRow[] => {
      const value = data[key];
      const path = [...prefix, humanise(key)];
      if (value && typeof value === "object" && !Array.isArray(value)) {
        const nested = rowsOf(value as Record<string, unknown>, path, order);
        return nested.length ? nested : [{ label: path.join(" · "), value: "—" }];
      }
      return [{ label: path.join(" · "), value: text(value) }];
    });
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.map((v) => (v && typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ") : "none";
  return String(value);
}

type Props = {
  data: Record<string, unknown> | null | undefined;
  /** Keys shown first, in this order; the rest alphabetically (stored JSON keeps no order). */
  order?: readonly string[];
  empty?: string;
  className?: string;
};

export function KeyValues({ data, order = [], empty = "Nothing recorded.", className }: Props) {
  const rows = data ? rowsOf(data, [], order) : [];
  if (!rows.length) return <p className={cn("text-sm text-muted-foreground", className)}>{empty}</p>;
  return (
    <dl className={cn("grid grid-cols-1 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[minmax(7rem,auto)_1fr] sm:gap-y-1", className)}>
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="text-muted-foreground">{row.label}</dt>
          <dd className="mb-1 min-w-0 break-words sm:mb-0">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
