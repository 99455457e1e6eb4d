import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { windowOf } from "@/lib/overview/charts";
import { getOverview } from "@/lib/overview/queries";
import { ZOverviewSearchSchema } from "@/lib/overview/schemas";
import { PageHeader } from "@/components/layout/page-header";
import {
  BacklogChartCard,
  ChartCardSkeleton,
  DecisionChartCards,
  FeedbackChartCard,
  RangeSwitch,
  StatusChartCard,
} from "@/components/overview/overview-charts";
import { DecisionTable, StatusTiles } from "@/components/overview/status-tiles";
import { formatAge } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Overview" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const user = await requirePageUser("overview.read");
  const { range } = ZOverviewSearchSchema.parse(await searchParams);
  const overview = await getOverview();
  const last = overview.lastRun;
  // One "now" for every chart, so the windows and the backlog's days agree with each other and their links.
  const now = new Date();
  const w = windowOf(range, now);
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${user.name} · ${ROLE_LABELS[user.role]}`} />
      {last?.state === "FAILED" ? (
        <Alert variant="warning" className="mb-6">
          <AlertDescription>
            The last sync failed{last.failure ? `: ${last.failure}` : ""}. <Link href="/sync" className="underline">See the sync page</Link>.
          </AlertDescription>
        </Alert>
      ) : null}
      {overview.profiles === 0 ? (
        <EmptyState
          title="Nothing synced yet"
          description="Counts by status and decisions appear here once the first provider sync has run."
        />
      ) : (
        <div className="space-y-6">
          <section className="space-y-3">
            <div className="flex items-baseline justify-between">
              <h2 className="text-lg font-semibold">Profiles by status</h2>
              <p className="text-xs text-muted-foreground" data-testid="last-sync">
                {overview.profiles.toLocaleString("en")} profiles · last sync {last?.finishedAt ? formatAge(last.finishedAt) : "never"}
              </p>
            </div>
            <StatusTiles overview={overview} />
          </section>
          <DecisionTable overview={overview} />
          <section className="space-y-3" aria-labelledby="trends">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="trends" className="text-lg font-semibold">Trends</h2>
              <RangeSwitch range={range} />
            </div>
            {/* The tiles above show at once; each chart streams in when its query answers. */}
            <div className="grid gap-4 lg:grid-cols-2">
              <Suspense key={`status-${range}`} fallback={<ChartCardSkeleton className="lg:col-span-2" />}>
                <StatusChartCard w={w} />
              </Suspense>
              <Suspense key={`decisions-${range}`} fallback={<><ChartCardSkeleton /><ChartCardSkeleton /></>}>
                <DecisionChartCards w={w} />
              </Suspense>
              <Suspense fallback={<ChartCardSkeleton />}>
                <BacklogChartCard now={now} />
              </Suspense>
              <Suspense key={`feedback-${range}`} fallback={<ChartCardSkeleton />}>
                <FeedbackChartCard w={w} />
              </Suspense>
            </div>
          </section>
        </div>
      )}
    </>
  );
}
