import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

export type TInboxHealth = {
  /** Events waiting to be processed (including those waiting for a retry). */
  depth: number;
  /** How long the oldest waiting event has waited, in seconds (null: nothing waits). */
  oldestWaitSeconds: number | null;
  /** Events finished (processed or failed) in the last minute, and per second over it. */
  drainedLastMinute: number;
  drainPerSecond: number;
  failedLastHour: number;
  alertAfterSeconds: number;
  alert: boolean;
};

/** The inbox at a glance, from the partial indexes on waiting events and the processed_at index. */
export async function getInboxHealth(): Promise<TInboxHealth> {
  const db = getDb();
  const [waiting, drained] = await Promise.all([
    db.$queryRaw<{ depth: bigint; oldest: Date | null }[]>`
      SELECT count(*) AS depth, min(received_at) AS oldest FROM webhook_events WHERE state = 'RECEIVED'`,
    db.$queryRaw<{ minute: bigint; failed: bigint }[]>`
      SELECT count(*) FILTER (WHERE processed_at > now() - interval '1 minute') AS minute,
             count(*) FILTER (WHERE state = 'FAILED') AS failed
      FROM webhook_events WHERE processed_at > now() - interval '1 hour'`,
  ]);
  const alertAfterSeconds = getEnv().WEBHOOK_ALERT_SECONDS;
  const oldest = waiting[0]?.oldest ?? null;
  const oldestWaitSeconds = oldest ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000)) : null;
  return {
    depth: Number(waiting[0]?.depth ?? 0),
    oldestWaitSeconds,
    drainedLastMinute: Number(drained[0]?.minute ?? 0),
    drainPerSecond: Math.round((Number(drained[0]?.minute ?? 0) / 60) * 10) / 10,
    failedLastHour: Number(drained[0]?.failed ?? 0),
    alertAfterSeconds,
    alert: oldestWaitSeconds !== null && oldestWaitSeconds > alertAfterSeconds,
  };
}
