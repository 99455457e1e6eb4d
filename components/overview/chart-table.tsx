import Link from "next/link";
import type { TBarChart, TRatePoint } from "@/lib/overview/schemas";
import { formatRate } from "@/lib/overview/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

// Each chart's numbers as a table, behind a disclosure: the text alternative for screen readers and
// for anyone who wants the exact figures, with the same links as the bars.

function Count({ n, href }: { n: number; href: string | null }) {
  if (n === 0 || !href) return <span className="tabular-nums text-muted-foreground">{n.toLocaleString("en")}</span>;
  return (
    <Link href={href} prefetch={false} className="tabular-nums underline-offset-2 hover:underline">
      {n.toLocaleString("en")}
    </Link>
  );
}

function Disclosure({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <details className="group mt-3 text-sm">
      <summary className="cursor-pointer text-xs text-muted-foreground select-none hover:text-foreground">Show as a table</summary>
      <div className="mt-2 overflow-x-auto">
        <Table>
          <caption className="sr-only">{caption}</caption>
          {children}
        </Table>
      </div>
    </details>
  );
}

export function BarChartTable({ chart, caption, first }: { chart: TBarChart; caption: string; first: string }) {
  const multi = chart.series.length > 1;
  return (
    <Disclosure caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>{first}</TableHead>
          {multi ? chart.series.map((s) => <TableHead key={s.key} className="text-right">{s.label}</TableHead>) : null}
          <TableHead className="text-right capitalize">{multi ? "All" : chart.noun.many}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {chart.bars.map((bar) => (
          <TableRow key={bar.key}>
            <TableHead scope="row" className="font-normal">{bar.name}</TableHead>
            {multi
              ? chart.series.map((s) => {
                  const segment = bar.segments.find((x) => x.series === s.key);
                  return (
                    <TableCell key={s.key} className="text-right">
                      <Count n={segment?.count ?? 0} href={segment?.href ?? null} />
                    </TableCell>
                  );
                })
              : null}
            <TableCell className="text-right font-medium">
              <Count n={bar.total} href={bar.href} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Disclosure>
  );
}

export function RateTable({ points, caption }: { points: TRatePoint[]; caption: string }) {
  return (
    <Disclosure caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>Period</TableHead>
          <TableHead className="text-right">With feedback</TableHead>
          <TableHead className="text-right">Processed</TableHead>
          <TableHead className="text-right">Rate</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {points.map((p) => (
          <TableRow key={p.key}>
            <TableHead scope="row" className="font-normal">{p.name}</TableHead>
            <TableCell className="text-right"><Count n={p.count} href={p.href} /></TableCell>
            <TableCell className="text-right"><Count n={p.base} href={p.baseHref} /></TableCell>
            <TableCell className="text-right tabular-nums">{p.rate === null ? "—" : formatRate(p.rate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Disclosure>
  );
}
