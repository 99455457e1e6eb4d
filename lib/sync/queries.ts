import "server-only";
import { getDb } from "@/lib/db";
import { getProviderStatus } from "@/lib/providers";

export async function findSyncRuns(limit = 20) {
  return getDb().syncRun.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}

export type TSyncRunRow = Awaited<ReturnType<typeof findSyncRuns>>[number];

export async function findSyncErrors(runId: string, limit = 100) {
  return getDb().syncError.findMany({ where: { runId }, orderBy: { id: "asc" }, take: limit });
}

export async function findWebhookEvents(limit = 25) {
  return getDb().webhookEvent.findMany({ orderBy: { id: "desc" }, take: limit });
}

export async function getSyncOverview() {
  const db = getDb();
  const [cursors, profiles, executions, lastSuccess] = await Promise.all([
    db.syncCursor.findMany({ orderBy: { key: "asc" } }),
    db.profile.count(),
    db.execution.groupBy({ by: ["provider"], _count: { _all: true } }),
    db.syncRun.findFirst({ where: { state: "SUCCEEDED" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
  ]);
  return {
    providers: getProviderStatus(),
    cursors,
    counts: {
      profiles,
      jumio: executions.find((e) => e.provider === "JUMIO")?._count._all ?? 0,
      trustx: executions.find((e) => e.provider === "TRUSTX")?._count._all ?? 0,
    },
    lastSuccessAt: lastSuccess?.finishedAt ?? null,
  };
}
