import type { TDatabase } from "@/lib/db";
import type { TProviderClients } from "@/lib/providers";
import { SyncContext } from "@/lib/sync/context";
import { syncOneExecution } from "@/lib/sync/sync-jumio";
import { syncOneProfile } from "@/lib/sync/sync-trulioo";

/**
 * The worker's side of the inbox: re-reads what the event names (order of arrival is not trusted)
 * and marks the event. Failures are recorded on the event and rethrown so the job is retried.
 */
export async function processWebhookEvent({ db, pool }: TDatabase, clients: TProviderClients, eventId: string): Promise<void> {
  const event = await db.webhookEvent.findUnique({ where: { id: BigInt(eventId) } });
  if (!event || event.state === "PROCESSED" || event.state === "IGNORED") return;
  const ctx = new SyncContext({ db, pool, clients, kind: "INCREMENTAL" });
  try {
    let outcome: "written" | "error" = "error";
    if (event.source === "trulioo" && event.subjectId) outcome = await syncOneProfile(ctx, event.subjectId);
    if (event.source === "jumio" && event.subjectId) {
      const [accountId, executionId] = event.subjectId.split("/");
      if (accountId && executionId) outcome = await syncOneExecution(ctx, accountId, executionId);
    }
    await db.webhookEvent.update({
      where: { id: event.id },
      data: {
        state: outcome === "written" ? "PROCESSED" : "FAILED",
        processedAt: new Date(),
        attempts: { increment: 1 },
        error: outcome === "written" ? null : "The record it names could not be read; see the sync errors.",
      },
    });
  } catch (error) {
    await db.webhookEvent.update({
      where: { id: event.id },
      data: { state: "FAILED", attempts: { increment: 1 }, error: error instanceof Error ? error.message.slice(0, 1000) : String(error) },
    });
    throw error;
  }
}
