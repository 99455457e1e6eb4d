import type { TruliooClient } from "@/lib/providers/trulioo/client";
import type { TClientSummary } from "@/lib/providers/trulioo/schemas";
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
 * Profiles by lastModified watermark: list pages (ordered by lastModified, then id), skip those whose
 * lastModified we already hold, read the rest with bounded concurrency, write in batches; the cursor
 * moves to the newest lastModified of a batch in that batch's transaction. Reading the next batch
 * overlaps writing the previous one; writes stay in order, so the cursor only ever moves forward.
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

  // Offset pages are not snapshots: a record that moves while we page can shift another past us.
  // When fewer ids came than the total announced, one more pass picks up what was skipped.
  // id -> lastModified listed: a client that changed while we paged is read again.
  const seen = new Map<string, number>();
  const onInvalid = ctx.invalidItemHandler("trulioo.client");
  let invalid = 0;
  let total = 0;
  for (let pass = 0; pass < 2; pass += 1) {
    const pages = client.clients(
      { after, limit: 50 },
      {
        onInvalid: (item) => {
          if (pass > 0) return;
          invalid += 1;
          onInvalid(item);
        },
        onTotal: (count) => {
          total = count;
          if (!expectedSet) ctx.addExpected(count);
          expectedSet = true;
        },
      },
    );
    for await (const page of pages) {
      const unseen = page.filter((summary) => seen.get(summary.id) !== summary.lastModified.getTime());
      unseen.forEach((summary) => seen.set(summary.id, summary.lastModified.getTime()));
      listed.push(...unseen);
      for (const summary of page) if (!newest || summary.lastModified > newest) newest = summary.lastModified;
      if (listed.length >= ctx.batchSize) await startBatch();
    }
    if (seen.size + invalid >= total) break;
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
