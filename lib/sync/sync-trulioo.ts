import type { TruliooClient } from "@/lib/providers/trulioo/client";
import type { TClientSummary } from "@/lib/providers/trulioo/schemas";
import { keysetPagesOf, pageEnded } from "@/lib/providers/paging";
import { mapLimit } from "./concurrency";
import { writeIsolating } from "./isolate";
import { OVERLAP_MS, SyncContext } from "./context";
import { mapProfile, type TProfileRows } from "./map-profile";
import { writeProfiles } from "./write-profiles";

export const PROFILE_CURSOR = "trulioo.clients";

async function syncWorkflows(ctx: SyncContext, client: TruliooClient): Promise<void> {
  for await (const page of client.workflows({ onInvalid: ctx.invalidItemHandler("trulioo.workflow") })) {
    for (const wf of page) {
      const data = { name: wf.name, corporate: wf.corporate, published: wf.published, createdAt: wf.created, raw: wf, syncedAt: new Date() };
      await ctx.db.workflow.upsert({ where: { id: wf.id }, create: { id: wf.id, ...data }, update: data });
    }
  }
  await ctx.flushPending();
}

/** Fetches one client's full record; a record that breaks the contract becomes a SyncError (null). */
export function fetchProfile(ctx: SyncContext, client: TruliooClient, id: string): Promise<TProfileRows | null> {
  return ctx.readRecord("trulioo.client", id, async () => {
    const { client: details, raw, rawBytes } = await client.getClient(id, { fullServiceDetails: true });
    await ctx.recordSetAside("trulioo.client", id, details.setAside);
    return mapProfile(details, raw, rawBytes);
  });
}

/**
 * Profiles by lastModified watermark: list keyset pages (ordered by lastModified, then id), skip those
 * whose lastModified we already hold, read the rest with bounded concurrency, write in batches; the
 * cursor moves, in a batch's transaction, to the point below which everything listed so far is in that
 * batch or an earlier one. Reading the next batch overlaps writing the previous one; writes stay in
 * order, so the cursor only ever moves forward.
 */
export async function syncTruliooProfiles(ctx: SyncContext): Promise<void> {
  const client = ctx.clients.trulioo;
  if (!client) return;
  ctx.enterStage("trulioo.workflows");
  // Workflows are names for the list's filter: their failure must not keep the profiles from syncing.
  await ctx.isolateStage(() => syncWorkflows(ctx, client));

  ctx.enterStage("trulioo.profiles");
  const watermark = ctx.full ? null : await ctx.readCursor(PROFILE_CURSOR);
  const after = watermark ? new Date(watermark.getTime() - OVERLAP_MS) : undefined;
  let listed: TClientSummary[] = [];
  let newest = watermark;
  let expectedSet = false;
  // Three stages overlap: listing the next pages, reading one batch of details, writing the batch
  // before it. Each stage runs one batch at a time, so writes (and the cursor) stay in order.
  let reading: Promise<void> = Promise.resolve();
  let writing: Promise<void> = Promise.resolve();
  const quiet = (p: Promise<void>) => {
    p.catch(() => undefined);
    return p;
  };

  const startBatch = async () => {
    const batch = listed;
    const mark = newest;
    listed = [];
    await reading;
    reading = quiet(
      (async () => {
        const changed = ctx.full ? batch : await changedSince(ctx, batch);
        ctx.count({ unchanged: batch.length - changed.length });
        const rows = (await mapLimit(changed, ctx.concurrency, (summary) => fetchProfile(ctx, client, summary.id))).filter(
          (r): r is TProfileRows => r !== null,
        );
        await writing;
        writing = quiet(
          writeIsolating(
            ctx,
            "trulioo.client",
            rows,
            (r) => r.profile.id,
            (part, after) => writeProfiles(ctx.pool, part, after),
            mark ? (tx) => SyncContext.writeCursor(tx, PROFILE_CURSOR, mark) : undefined,
          ).then((counts) => ctx.count(counts)),
        );
      })(),
    );
  };

  // Keyset pages (lastModified, then id), re-anchored every page: a client that changes while we page
  // moves ahead of us and is listed again in its new version; none can be shifted past us unread.
  // The cursor is the walk's `safe` point, so a run stopped halfway never moves it past a record it
  // did not store. id -> lastModified listed: a client that changed while we paged is read again.
  const onInvalid = ctx.invalidItemHandler("trulioo.client");
  const reported = new Set<string>();
  const pages = keysetPagesOf<TClientSummary>(
    async (since, page) => {
      const res = await client.listClients({ after: since === undefined ? undefined : new Date(since), limit: 50 }, page);
      // Overlapping pages list a refused record again; it is one SyncError.
      const invalid = res.data.invalid.map((item) => ({ item, key: item.id ?? JSON.stringify(item.raw) }));
      for (const { item, key } of invalid) if (!reported.has(key)) onInvalid(item);
      invalid.forEach(({ key }) => reported.add(key));
      if (!expectedSet && res.totalElements !== undefined) ctx.addExpected(res.totalElements);
      expectedSet = true;
      const last = pageEnded({ ...res, count: res.data.valid.length + invalid.length, size: 50 });
      return { items: res.data.valid, invalid: invalid.map(({ key }) => key), last, total: res.totalElements ?? null };
    },
    (summary) => summary.lastModified.getTime(),
    { start: after?.getTime() },
  );
  for await (const { items, safe } of pages) {
    listed.push(...items);
    if (safe !== null && (!newest || safe > newest.getTime())) newest = new Date(safe);
    if (listed.length >= ctx.batchSize) await startBatch();
  }
  await startBatch();
  await reading;
  await writing;
  await ctx.flushPending();
}

/** The summaries whose lastModified differs from ours (new or changed upstream). */
async function changedSince(ctx: SyncContext, page: TClientSummary[]): Promise<TClientSummary[]> {
  if (page.length === 0) return page;
  const local = await ctx.db.profile.findMany({
    where: { id: { in: page.map((s) => s.id) } },
    select: { id: true, lastModified: true },
  });
  const known = new Map(local.map((p) => [p.id, p.lastModified.getTime()]));
  return page.filter((s) => known.get(s.id) !== s.lastModified.getTime());
}

/** Re-reads one end client now (webhooks name the client; order of arrival is not trusted). */
export async function syncOneProfile(ctx: SyncContext, id: string): Promise<"written" | "error"> {
  const client = ctx.clients.trulioo;
  if (!client) return "error";
  const rows = await fetchProfile(ctx, client, id);
  if (!rows) return "error";
  ctx.count(await writeProfiles(ctx.pool, [rows]));
  return "written";
}
