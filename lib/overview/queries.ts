import "server-only";
import { getDb } from "@/lib/db";

export type TOverview = Awaited<ReturnType<typeof getOverview>>;

/** Counts for the overview: profiles by status, executions by provider and decision, the last sync. */
export async function getOverview() {
  const db = getDb();
  const [byStatus, byDecision, lastRun] = await Promise.all([
    db.profile.groupBy({ by: ["status"], _count: { _all: true } }),
    db.execution.groupBy({ by: ["provider", "decisionType"], _count: { _all: true } }),
    db.syncRun.findFirst({ where: { state: { in: ["SUCCEEDED", "FAILED"] } }, orderBy: { finishedAt: "desc" } }),
  ]);
  return {
    profilesByStatus: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])) as Record<string, number>,
    profiles: byStatus.reduce((n, row) => n + row._count._all, 0),
    executionsByDecision: byDecision.map((row) => ({ provider: row.provider, decision: row.decisionType ?? "—", count: row._count._all })),
    lastRun: lastRun ? { state: lastRun.state, finishedAt: lastRun.finishedAt, failure: lastRun.failure } : null,
  };
}
