import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findSyncErrors, findSyncRuns, findWebhookEvents, getSyncOverview, type TSyncRunRow } from "@/lib/sync/queries";
import { ZSyncPageParamsSchema } from "@/lib/sync/schemas";
import { PageHeader } from "@/components/layout/page-header";
import { AutoRefresh } from "@/components/sync/auto-refresh";
import { ConnectionCheck } from "@/components/sync/connection-check";
import { ProviderCards } from "@/components/sync/provider-cards";
import { RunErrors } from "@/components/sync/run-errors";
import { RunsTable, type TRunView } from "@/components/sync/runs-table";
import { SyncButtons } from "@/components/sync/sync-buttons";
import { WebhookInbox, type TWebhookEventView } from "@/components/sync/webhook-inbox";
import { InboxHealth } from "@/components/sync/inbox-health";
import { getInboxHealth } from "@/lib/webhooks/queries";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Sync" };

// Only what the tables show crosses to the browser (webhook payloads carry personal data).
const toRunView = (r: TSyncRunRow): TRunView => ({
  id: r.id, kind: r.kind, state: r.state, requestedBy: r.requestedBy, startedAt: r.startedAt, finishedAt: r.finishedAt, createdAt: r.createdAt,
  created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors, processed: r.processed, expected: r.expected,
  stage: r.stage, failure: r.failure,
});
const toEventView = (e: Awaited<ReturnType<typeof findWebhookEvents>>[number]): TWebhookEventView => ({
  id: e.id.toString(), receivedAt: e.receivedAt, source: e.source, type: e.type, subjectId: e.subjectId, state: e.state, error: e.error,
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SyncPage({ searchParams }: Props) {
  const user = await requirePageUser("sync.read");
  const params = ZSyncPageParamsSchema.parse(await searchParams);
  const [overview, runs, events, inbox] = await Promise.all([getSyncOverview(), findSyncRuns(), findWebhookEvents(), getInboxHealth()]);
  const selected = params.run ?? runs.find((r) => r.errors > 0)?.id;
  const errors = selected ? await findSyncErrors(selected) : [];
  const active = runs.some((r) => r.state === "RUNNING" || r.state === "QUEUED") || inbox.depth > 0;

  return (
    <>
      <AutoRefresh active={active} />
      <PageHeader
        title="Sync"
        description="The local copy of Trulioo, Jumio and TrustX: runs, rejected records and the webhook inbox."
        actions={can(user.role, "sync.run") ? <SyncButtons /> : undefined}
      />
      <ProviderCards overview={overview} />
      {can(user.role, "providers.check") ? (
        <section className="mt-8 space-y-3">
          <h2 className="text-lg font-semibold">Connection to the providers</h2>
          <ConnectionCheck />
        </section>
      ) : null}
      <section className="mt-8 space-y-3">
        <h2 className="text-lg font-semibold">Runs</h2>
        {runs.length === 0 ? <EmptyState title="No sync has run yet" description="The worker runs one every few minutes; managers can start one now." /> : <RunsTable runs={runs.map(toRunView)} selected={selected} />}
      </section>
      {selected ? (
        <section className="mt-8 space-y-3">
          <h2 className="text-lg font-semibold">Errors of the selected run</h2>
          <RunErrors errors={errors} />
        </section>
      ) : null}
      <section className="mt-8 space-y-3">
        <h2 className="text-lg font-semibold">Webhook inbox</h2>
        <InboxHealth health={inbox} />
        <WebhookInbox events={events.map(toEventView)} />
      </section>
    </>
  );
}
