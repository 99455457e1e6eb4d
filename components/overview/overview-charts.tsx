import Link from "next/link";
import { backlogChart, decisionCharts, feedbackPoints, statusChart } from "@/lib/overview/chart-data";
import { windowDays, type TWindow } from "@/lib/overview/charts";
import { formatRate } from "@/lib/overview/format";
import { DEFAULT_OVERVIEW_RANGE, OVERVIEW_RANGES, type TOverviewRange } from "@/lib/overview/periods";
import type { TBarChart } from "@/lib/overview/schemas";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { BarChart } from "./charts/bar-chart";
import { RateChart } from "./charts/rate-chart";
import { BarChartTable, RateTable } from "./chart-table";

// The overview's chart cards. Each reads its own data, so the page streams them one by one behind
// the tiles; the chart drawing itself is a client component loaded by this route only.

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const span = (w: TWindow) => {
  const { from, to } = windowDays(w);
  return `${dayLabel.format(new Date(from))} – ${dayLabel.format(new Date(to))}`;
};
const per = (w: TWindow) => (w.unit === "week" ? "week (UTC, from Monday)" : "month (UTC)");

function ChartCard({ title, description, className, testId, children }: { title: string; description: React.ReactNode; className?: string; testId: string; children: React.ReactNode }) {
  return (
    <Card className={cn("min-w-0", className)} data-testid={testId}>
      <CardHeader>
        <CardTitle as="h3">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Empty({ text }: { text: string }) {
  return <p className="flex h-40 items-center justify-center rounded-md border border-dashed border-border text-sm text-muted-foreground">{text}</p>;
}

const isEmpty = (chart: TBarChart) => chart.bars.every((b) => b.total === 0);

export async function StatusChartCard({ w }: { w: TWindow }) {
  const chart = await statusChart(w);
  const title = "Profiles by status over time";
  return (
    <ChartCard
      title={title}
      testId="chart-status"
      className="lg:col-span-2"
      description={`Profiles created each ${per(w)}, ${span(w)}, coloured by their status now: there is no status history, so a bar shows where that ${w.unit}'s profiles stand today.`}
    >
      {isEmpty(chart) ? <Empty text={`No profiles were created in the last ${OVERVIEW_RANGES[w.range].label}.`} /> : <BarChart chart={chart} label={title} testId="bars-status" />}
      <BarChartTable chart={chart} caption={title} first="Created" />
    </ChartCard>
  );
}

export async function DecisionChartCards({ w }: { w: TWindow }) {
  const charts = await decisionCharts(w);
  const cards = [
    { provider: "JUMIO" as const, title: "Jumio decisions over time", what: "Jumio executions", by: "decision" },
    { provider: "TRUSTX" as const, title: "TrustX outcomes over time", what: "TrustX journeys", by: "outcome" },
  ];
  return cards.map(({ provider, title, what, by }) => {
    const chart = charts[provider];
    return (
      <ChartCard
        key={provider}
        title={title}
        testId={`chart-decisions-${provider}`}
        description={`${what} created each ${per(w)}, by ${by}; those without one yet are not counted.`}
      >
        {isEmpty(chart) ? <Empty text={`No ${what} with a ${by} in the last ${OVERVIEW_RANGES[w.range].label}.`} /> : <BarChart chart={chart} label={title} testId={`bars-${provider}`} />}
        <BarChartTable chart={chart} caption={title} first="Created" />
      </ChartCard>
    );
  });
}

export async function BacklogChartCard({ now }: { now: Date }) {
  const chart = await backlogChart(now);
  const waiting = chart.bars.reduce((n, b) => n + b.total, 0);
  const title = "Review backlog by age";
  return (
    <ChartCard
      title={title}
      testId="chart-backlog"
      description={`${waiting.toLocaleString("en")} ${waiting === 1 ? "profile waits" : "profiles wait"} for review, by whole days (UTC) since each was last changed.`}
    >
      {waiting === 0 ? <Empty text="Nothing waits for review." /> : <BarChart chart={chart} label={title} wideTicks testId="bars-backlog" />}
      <BarChartTable chart={chart} caption={title} first="Last changed" />
    </ChartCard>
  );
}

export async function FeedbackChartCard({ w }: { w: TWindow }) {
  const points = await feedbackPoints(w);
  const count = points.reduce((n, p) => n + p.count, 0);
  const base = points.reduce((n, p) => n + p.base, 0);
  const title = "Fraud feedback rate";
  return (
    <ChartCard
      title={title}
      testId="chart-feedback"
      description={
        <>
          Share of processed Jumio executions (created each {w.unit}) that carry fraud feedback; only Jumio takes feedback.{" "}
          {base ? (
            <span className="font-medium text-foreground" data-testid="feedback-summary">
              {formatRate(count / base)} over the {OVERVIEW_RANGES[w.range].label}: {count.toLocaleString("en")} of {base.toLocaleString("en")}.
            </span>
          ) : null}
        </>
      }
    >
      {base === 0 ? <Empty text={`No processed Jumio executions in the last ${OVERVIEW_RANGES[w.range].label}.`} /> : <RateChart points={points} label={title} testId="points-feedback" />}
      <RateTable points={points} caption={title} />
    </ChartCard>
  );
}

/** A chart card's outline while its data loads: title, description, the chart's own height. */
export function ChartCardSkeleton({ className }: { className?: string }) {
  return (
    <Card className={cn("gap-3 p-5", className)}>
      <Skeleton className="h-5 w-48" />
      <Skeleton className="h-4 w-3/4" />
      <Skeleton className="h-[240px] w-full" />
      <Skeleton className="h-4 w-28" />
    </Card>
  );
}

export function RangeSwitch({ range }: { range: TOverviewRange }) {
  return (
    <nav aria-label="Chart period" className="inline-flex rounded-md border border-border p-0.5 text-xs">
      {(Object.keys(OVERVIEW_RANGES) as TOverviewRange[]).map((key) => (
        <Link
          key={key}
          href={key === DEFAULT_OVERVIEW_RANGE ? "/" : `/?range=${key}`}
          aria-current={key === range ? "page" : undefined}
          className={cn("rounded px-2.5 py-1 text-muted-foreground hover:text-foreground", key === range && "bg-muted font-medium text-foreground")}
        >
          {OVERVIEW_RANGES[key].label}
        </Link>
      ))}
    </nav>
  );
}
