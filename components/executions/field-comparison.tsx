import Link from "next/link";
import { CircleCheck, CircleMinus, CircleX } from "lucide-react";
import type { TComparisonRow } from "@/lib/executions/compare";
import { countryName, toAlpha2 } from "@/lib/executions/countries";
import type { TComparison } from "@/lib/executions/detail";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

type Props = { comparison: TComparison; source: "Jumio" | "TrustX"; profileId: string | null; documentNote?: string | null };

const MISSING_TEXT: Record<NonNullable<TComparisonRow["missing"]>, string> = {
  document: "Not on document",
  entered: "Not entered",
  both: "Neither",
};

// Each outcome has an icon and a word; the colour only repeats them.
function Outcome({ row }: { row: TComparisonRow }) {
  if (row.outcome === "match") {
    return (
      <Badge variant="success">
        <CircleCheck aria-hidden /> Match
      </Badge>
    );
  }
  if (row.outcome === "mismatch") {
    return (
      <Badge variant="destructive">
        <CircleX aria-hidden /> Mismatch
      </Badge>
    );
  }
  return (
    <Badge variant="secondary">
      <CircleMinus aria-hidden /> {MISSING_TEXT[row.missing ?? "both"]}
    </Badge>
  );
}

function Value({ value, kind }: { value: string; kind: TComparisonRow["kind"] }) {
  const code = kind === "country" ? toAlpha2(value) : null;
  const name = code ? countryName(code) : null;
  return (
    <span className="break-words">
      {value}
      {name && name.toLowerCase() !== value.toLowerCase() ? <span className="ml-1 text-xs text-muted-foreground">({name})</span> : null}
    </span>
  );
}

export function FieldComparison({ comparison, source, profileId, documentNote }: Props) {
  const mismatches = comparison.state === "compared" ? comparison.rows.filter((r) => r.outcome === "mismatch").length : 0;
  return (
    <section className="min-w-0 space-y-2" aria-labelledby="comparison-heading" data-testid="field-comparison">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="comparison-heading" className="text-base font-semibold">
          Document against Trulioo
        </h2>
        {comparison.state === "compared" ? (
          <span className={cn("text-sm", mismatches ? "font-medium text-destructive" : "text-muted-foreground")} data-testid="comparison-summary">
            {mismatches ? `${mismatches} mismatch${mismatches > 1 ? "es" : ""}` : "No mismatches"}
          </span>
        ) : null}
      </div>
      {comparison.state === "unlinked" ? (
        <p className="rounded-lg border border-border bg-card p-4 text-sm text-muted-foreground">
          This execution is not linked to a Trulioo profile, so there is nothing to compare what {source} read with.
        </p>
      ) : comparison.state === "wiped" ? (
        <p className="rounded-lg border border-border bg-card p-4 text-sm text-muted-foreground">
          The linked profile&apos;s personal data was wiped, so there is nothing to compare what {source} read with.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-card">
          {/* Below sm each row stacks into a block with its own labels: four columns do not fit a phone. */}
          <table className="w-full text-sm max-sm:block">
            <caption className="sr-only">What {source} read from the document beside what the person entered in Trulioo</caption>
            <thead className="bg-muted/60 text-xs text-muted-foreground max-sm:sr-only">
              <tr className="border-b border-border">
                <th scope="col" className="px-3 py-2 text-left font-medium">Field</th>
                <th scope="col" className="px-3 py-2 text-left font-medium">Read by {source}</th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {profileId ? <Link href={`/profiles/${profileId}`} className="hover:underline">Entered in Trulioo</Link> : "Entered in Trulioo"}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">Result</th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {comparison.rows.map((row) => (
                <tr
                  key={row.key}
                  className={cn("border-b border-border last:border-0 max-sm:grid max-sm:gap-1 max-sm:px-3 max-sm:py-2", row.outcome === "mismatch" && "bg-destructive/5")}
                  data-testid="comparison-row"
                  data-field={row.key}
                  data-outcome={row.outcome}
                >
                  <th scope="row" className="px-3 py-2 text-left font-medium max-sm:p-0">{row.label}</th>
                  <td className="px-3 py-2 max-sm:p-0">
                    <span className="text-xs text-muted-foreground sm:hidden">{source}: </span>
                    {row.document ? <Value value={row.document} kind={row.kind} /> : <span className="text-muted-foreground">—</span>}</td>
                  <td className="px-3 py-2 max-sm:flex max-sm:gap-1 max-sm:p-0">
                    <span className="text-xs text-muted-foreground sm:hidden">Trulioo: </span>
                    {row.entered.length ? (
                      <ul className="space-y-0.5">
                        {row.entered.map((v) => (
                          <li key={v}>
                            <Value value={v} kind={row.kind} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </td>
                  <td className="px-3 py-2 max-sm:p-0">
                    <Outcome row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {documentNote ? <p className="text-xs text-muted-foreground">{documentNote}</p> : null}
      {comparison.state === "compared" ? (
        <p className="text-xs text-muted-foreground">
          Names are compared without case, accents or punctuation (a machine-readable zone&apos;s transliteration counts too), dates in
          any common notation, countries by ISO code or name, document numbers without spaces or separators.
        </p>
      ) : null}
    </section>
  );
}
