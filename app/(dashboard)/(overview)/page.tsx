import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getOverview } from "@/lib/overview/queries";
import { PageHeader } from "@/components/layout/page-header";
import { DecisionTable, StatusTiles } from "@/components/overview/status-tiles";
import { formatAge } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePageUser("overview.read");
  const overview = await getOverview();
  const last = overview.lastRun;
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
        </div>
      )}
    </>
  );
}
