import type { TrustxClient } from "@/lib/providers/trustx/client";
import { ProviderHttpError } from "@/lib/providers/errors";
import { mapLimit } from "./concurrency";
import { writeIsolating } from "./isolate";
import { OVERLAP_MS, SyncContext } from "./context";
import { isTrustxTerminal, mapTrustxInstance, type TExecutionRow } from "./map-execution";
import { writeExecutions } from "./write-executions";

export const TRUSTX_CURSOR = "trustx.instances";

function fetchInstance(ctx: SyncContext, client: TrustxClient, id: string): Promise<TExecutionRow | null> {
  return ctx.readRecord("trustx.instance", id, async () => {
    const { data: instance, raw } = await client.readInstanceWithParameters(id);
    let userData: unknown = null;
    if (instance.processDefnId) {
      try {
        userData = (await client.readUserData(instance.processDefnId, id)).raw;
      } catch (error) {
        // No user data captured yet.
        if (!(error instanceof ProviderHttpError && error.status === 404)) throw error;
      }
    }
    // Kept as TrustX sent them; the page reads them again through the same tolerant schemas.
    return mapTrustxInstance(instance, { instance: raw, userData });
  });
}

/**
 * Process instances by creation time (search, oldest first). Instances have no modification time, so
 * every run also re-reads the ones we hold in a non-terminal status (contract §3.3).
 */
export async function syncTrustxInstances(ctx: SyncContext): Promise<void> {
  const client = ctx.clients.trustx;
  if (!client) return;
  ctx.enterStage("trustx.instances");
  const watermark = ctx.full ? null : await ctx.readCursor(TRUSTX_CURSOR);
  const start = watermark ? new Date(watermark.getTime() - OVERLAP_MS) : undefined;
  let newest = watermark;
  const seen = new Set<string>();

  let expectedSet = false;
  const pages = client.instances(
    // Oldest first, on the configured sort field (TRUSTX_SORT_FIELD): the client's default for a search.
    { startDateTime: start },
    {
      onInvalid: ctx.invalidItemHandler("trustx.instance"),
      onTotal: (total) => {
        if (!expectedSet) ctx.addExpected(total);
        expectedSet = true;
      },
    },
  );
  for await (const page of pages) {
    page.forEach((item) => seen.add(item.id));
    const local = new Map(
      (await ctx.db.execution.findMany({ where: { provider: "TRUSTX", id: { in: page.map((i) => i.id) } }, select: { id: true, status: true } })).map(
        (row) => [row.id, row.status],
      ),
    );
    const toRead = ctx.full ? page : page.filter((item) => local.get(item.id) !== item.status);
    ctx.count({ unchanged: page.length - toRead.length });
    const rows = await mapLimit(toRead, ctx.concurrency, (item) => fetchInstance(ctx, client, item.id));
    for (const item of page) if (!newest || item.createdAt > newest) newest = item.createdAt;
    const mark = newest;
    ctx.count(
      await writeIsolating(
        ctx,
        "trustx.instance",
        rows.filter((r): r is TExecutionRow => r !== null),
        (r) => r.id,
        (part, after) => writeExecutions(ctx.pool, part, after),
        mark ? (tx) => SyncContext.writeCursor(tx, TRUSTX_CURSOR, mark) : undefined,
      ),
    );
  }

  const open = await ctx.db.execution.findMany({ where: { provider: "TRUSTX", NOT: { status: { startsWith: "COMPLETED_" } } }, select: { id: true, status: true } });
  const stale = open.filter((row) => !seen.has(row.id) && !isTrustxTerminal(row.status));
  for (let i = 0; i < stale.length; i += ctx.batchSize) {
    const rows = await mapLimit(stale.slice(i, i + ctx.batchSize), ctx.concurrency, (row) => fetchInstance(ctx, client, row.id));
    ctx.count(await writeExecutions(ctx.pool, rows.filter((r): r is TExecutionRow => r !== null)));
  }
  await ctx.flushPending();
}
