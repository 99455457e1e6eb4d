import type { JumioClient } from "@/lib/providers/jumio/client";
import type { TExecutionListItem } from "@/lib/providers/jumio/schemas";
import { ProviderHttpError } from "@/lib/providers/errors";
import { inTransaction } from "@/lib/db/sql";
import { mapLimit } from "./concurrency";
import { writeIsolating } from "./isolate";
import { OVERLAP_MS, SyncContext } from "./context";
import { mapJumioExecution, type TExecutionRow } from "./map-execution";
import { writeExecutions } from "./write-executions";

export const JUMIO_CURSOR = "jumio.executions";

const orNullOn404 = async <T>(call: Promise<T>): Promise<T | null> => {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ProviderHttpError && error.status === 404) return null;
    throw error;
  }
};

/** Reads one execution in full: record, steps and rules (steps/rules may not exist yet: 404 = none). */
export function fetchExecution(ctx: SyncContext, client: JumioClient, accountId: string, id: string): Promise<TExecutionRow | null> {
  return ctx.readRecord("jumio.execution", id, async () => {
    const record = await client.readExecution(accountId, id);
    const [steps, rules] = await Promise.all([orNullOn404(client.readSteps(accountId, id)), orNullOn404(client.readRules(accountId, id))]);
    await ctx.recordSetAside("jumio.execution", id, [...record.data.setAside, ...(steps?.data.setAside ?? []), ...(rules?.data.setAside ?? [])]);
    // Kept as Jumio sent it: a part set aside today stays in the copy for whoever reads it tomorrow.
    return mapJumioExecution(record.data, { record: record.raw, steps: steps?.raw ?? null, rules: rules?.raw ?? null });
  });
}

type TLocal = { status: string; decisionType: string | null; riskScore: number | null };

function differs(item: TExecutionListItem, local: TLocal | undefined): boolean {
  if (!local) return true;
  return local.status !== item.status || local.decisionType !== (item.decision?.type ?? null) || local.riskScore !== (item.decision?.risk?.score ?? null);
}

/**
 * Executions, newest first. The list has no time filter, so an incremental run reads pages until a
 * whole page is both known and older than the watermark; status changes on older executions reach us
 * through Jumio's callbacks.
 */
export async function syncJumioExecutions(ctx: SyncContext): Promise<void> {
  const client = ctx.clients.jumio;
  if (!client) return;
  ctx.enterStage("jumio.executions");
  const watermark = ctx.full ? null : await ctx.readCursor(JUMIO_CURSOR);
  const horizon = watermark ? watermark.getTime() - OVERLAP_MS : null;
  let newest: Date | null = watermark;

  for await (const page of client.executions(100, { onInvalid: ctx.invalidItemHandler("jumio.execution") })) {
    const ids = page.map((item) => item.id);
    const local = new Map(
      (
        await ctx.db.execution.findMany({
          where: { provider: "JUMIO", id: { in: ids } },
          select: { id: true, status: true, decisionType: true, riskScore: true },
        })
      ).map((row) => [row.id, row]),
    );
    const toRead = ctx.full ? page : page.filter((item) => differs(item, local.get(item.id)));
    ctx.count({ unchanged: page.length - toRead.length });
    const rows = await mapLimit(toRead, ctx.concurrency, (item) => fetchExecution(ctx, client, item.account.id, item.id));
    for (const item of page) if (!newest || item.createdAt > newest) newest = item.createdAt;
    const valid = rows.filter((r): r is TExecutionRow => r !== null);
    ctx.count(await writeIsolating(ctx, "jumio.execution", valid, (r) => r.id, (part) => writeExecutions(ctx.pool, part)));
    const oldest = page.at(-1)?.createdAt.getTime();
    if (horizon !== null && toRead.length === 0 && oldest !== undefined && oldest < horizon) break;
  }
  await ctx.flushPending();
  // Newest first: the watermark may only move once the pages back to the old one are all read, or a
  // run that stopped halfway would make the next one skip what it had not reached.
  const mark = newest;
  if (mark) await inTransaction(ctx.pool, (client) => SyncContext.writeCursor(client, JUMIO_CURSOR, mark));
}

export async function syncOneExecution(ctx: SyncContext, accountId: string, id: string): Promise<"written" | "error"> {
  const client = ctx.clients.jumio;
  if (!client) return "error";
  const row = await fetchExecution(ctx, client, accountId, id);
  if (!row) return "error";
  ctx.count(await writeExecutions(ctx.pool, [row]));
  return "written";
}
