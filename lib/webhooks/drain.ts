import type pg from "pg";
import type { TDatabase } from "@/lib/db";
import type { TProviderClients } from "@/lib/providers";
import { mapLimit } from "@/lib/sync/concurrency";
import { SyncContext } from "@/lib/sync/context";
import { writeIsolating } from "@/lib/sync/isolate";
import type { TExecutionRow } from "@/lib/sync/map-execution";
import type { TProfileRows } from "@/lib/sync/map-profile";
import { fetchExecution } from "@/lib/sync/sync-jumio";
import { fetchProfile } from "@/lib/sync/sync-trulioo";
import { writeExecutions } from "@/lib/sync/write-executions";
import { writeProfiles } from "@/lib/sync/write-profiles";
import { claimEvents, markEvents, retryEvents, type TClaimedEvent } from "./claims";
import { takeEchoes } from "./echoes";

export type TDrainOptions = {
  database: TDatabase;
  clients: TProviderClients;
  /** Names this worker's claims (a lease other workers respect until it expires). */
  workerId: string;
  /** Events claimed at once (events naming the same record join their batch). */
  batchSize?: number;
  /** Parallel re-reads upstream. */
  concurrency?: number;
  leaseSeconds?: number;
  /** Tries before an event that keeps failing for a temporary reason is FAILED. */
  maxAttempts?: number;
};

export type TDrainResult = { claimed: number; records: number; processed: number; echoes: number; failed: number; retried: number };

type TGroup = { source: "trulioo" | "jumio"; subjectId: string; events: TClaimedEvent[] };

function groupBySubject(events: TClaimedEvent[]): { groups: TGroup[]; unnamed: TClaimedEvent[] } {
  const groups = new Map<string, TGroup>();
  const unnamed: TClaimedEvent[] = [];
  for (const event of events) {
    if (!event.subjectId || (event.source !== "trulioo" && event.source !== "jumio")) {
      unnamed.push(event);
      continue;
    }
    const key = `${event.source}\u0000${event.subjectId}`;
    const group = groups.get(key) ?? { source: event.source, subjectId: event.subjectId, events: [] };
    group.events.push(event);
    groups.set(key, group);
  }
  return { groups: [...groups.values()], unnamed };
}

const idsOf = (groups: TGroup[]) => groups.flatMap((g) => g.events.map((e) => e.id));

/**
 * One pass over the inbox: claims a batch (lane 0 first, then the oldest due), folds the events that
 * name the same record into one re-read, skips the echoes of our own changes, re-reads the rest with
 * bounded concurrency through the sync's own readers, and writes them with the sync's batched,
 * isolating writers, marking each part's events in that part's transaction. A record that cannot be
 * read for good (404, contract breach) or that the database refuses fails its events with the reason;
 * a temporary failure puts them back with backoff, and never touches the other events of the batch.
 */
export async function drainOnce(options: TDrainOptions): Promise<TDrainResult> {
  const { db, pool } = options.database;
  const workerId = options.workerId;
  const claimed = await claimEvents(pool, workerId, options.batchSize ?? 500, options.leaseSeconds ?? 120);
  const result: TDrainResult = { claimed: claimed.length, records: 0, processed: 0, echoes: 0, failed: 0, retried: 0 };
  if (claimed.length === 0) return result;

  const { groups, unnamed } = groupBySubject(claimed);
  result.failed += await markEvents(pool, workerId, unnamed.map((e) => e.id), "FAILED", "The event names no record.");
  const echoed = await takeEchoes(pool, workerId, groups);
  result.echoes = echoed.count;
  const toRead = groups.filter((g) => !echoed.subjects.has(`${g.source}\u0000${g.subjectId}`));
  result.records = toRead.length;

  const ctx = new SyncContext({ db, pool, clients: options.clients, kind: "INCREMENTAL" });
  const temporary: { group: TGroup; reason: string }[] = [];
  const read = await mapLimit(toRead, options.concurrency ?? 16, async (group) => {
    try {
      return { group, rows: await readGroup(ctx, group) };
    } catch (error) {
      temporary.push({ group, reason: error instanceof Error ? error.message : String(error) });
      return { group, rows: null, temporary: true };
    }
  });

  const written = new Set<TGroup>();
  const profiles = read.filter((r): r is { group: TGroup; rows: TProfileRows } => r.group.source === "trulioo" && r.rows !== null);
  const executions = read.filter((r): r is { group: TGroup; rows: TExecutionRow } => r.group.source === "jumio" && r.rows !== null);
  const markWritten = (part: { group: TGroup }[]) => async (client: pg.PoolClient) => {
    await markEvents(client, workerId, idsOf(part.map((p) => p.group)), "PROCESSED", null, "reread");
  };
  if (profiles.length) await writeIsolating(ctx, "trulioo.client", profiles, (p) => p.rows.profile.id, async (part) => {
    const counts = await writeProfiles(pool, part.map((p) => p.rows), markWritten(part));
    for (const p of part) written.add(p.group);
    return counts;
  });
  if (executions.length) await writeIsolating(ctx, "jumio.execution", executions, (e) => e.rows.id, async (part) => {
    const counts = await writeExecutions(pool, part.map((e) => e.rows), markWritten(part));
    for (const e of part) written.add(e.group);
    return counts;
  });
  result.processed = idsOf([...written]).length;

  // Read for good but not usable (gone upstream, broke the contract, or refused by the database).
  for (const { group, temporary: isTemporary } of read as { group: TGroup; temporary?: boolean }[]) {
    if (written.has(group) || isTemporary) continue;
    const reason = ctx.refusals.get(recordIdOf(group)) ?? "The record it names could not be read.";
    result.failed += await markEvents(pool, workerId, group.events.map((e) => e.id), "FAILED", reason);
  }
  const retried = await retryEvents(pool, workerId, temporary.flatMap(({ group, reason }) => group.events.map((e) => ({ ...e, reason }))), options.maxAttempts ?? 5);
  result.retried = retried.retried;
  result.failed += retried.failed;
  return result;
}

function recordIdOf(group: TGroup): string {
  return group.source === "jumio" ? (group.subjectId.split("/")[1] ?? group.subjectId) : group.subjectId;
}

/** The record an event names, read through the sync's own reader; null when it is refused for good. */
async function readGroup(ctx: SyncContext, group: TGroup): Promise<TProfileRows | TExecutionRow | null> {
  if (group.source === "trulioo") {
    const client = ctx.clients.trulioo;
    if (!client) throw new Error("Trulioo is not configured");
    return fetchProfile(ctx, client, group.subjectId);
  }
  const client = ctx.clients.jumio;
  if (!client) throw new Error("Jumio is not configured");
  const [accountId, executionId] = group.subjectId.split("/");
  if (!accountId || !executionId) {
    await ctx.recordError("jumio.execution", group.subjectId, "The callback names no account/execution pair.");
    return null;
  }
  return fetchExecution(ctx, client, accountId, executionId);
}
