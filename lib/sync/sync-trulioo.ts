import type { TruliooClient } from "@/lib/providers/trulioo/client";
import type { TClientSummary } from "@/lib/providers/trulioo/schemas";
import { ProviderHttpError } from "@/lib/providers/errors";
import { mapLimit } from "./concurrency";
import { OVERLAP_MS, SyncContext } from "./context";
import { mapProfile, type TProfileRows } from "./map-profile";
import { writeProfiles } from "./write-profiles";

export const PROFILE_CURSOR = "trulioo.clients";

async function syncWorkflows(ctx: SyncContext, client: TruliooClient): Promise<void> {
  for await (const page of client.workflows()) {
    for (const wf of page) {
      const data = { name: wf.name, corporate: wf.corporate, published: wf.published, createdAt: wf.created, raw: wf, syncedAt: new Date() };
      await ctx.db.workflow.upsert({ where: { id: wf.id }, create: { id: wf.id, ...data }, update: data });
    }
  }
}

/** Fetches one client's full record; a record that breaks the contract becomes a SyncError (null). */
export async function fetchProfile(ctx: SyncContext, client: TruliooClient, id: string): Promise<TProfileRows | null> {
  try {
    const { client: details, raw } = await client.getClient(id, { fullServiceDetails: true });
    return mapProfile(details, raw);
  } catch (error) {
    if (await ctx.recordIfInvalid("trulioo.client", id, error)) return null;
    if (error instanceof ProviderHttpError && error.status === 404) {
      await ctx.recordError("trulioo.client", id, "listed but not found (404) when read");
      return null;
    }
    throw error;
  }
}

/**
 * Profiles by lastModified watermark: list pages (ordered by lastModified, then id), skip those whose
 * lastModified we already hold, read the rest with bounded concurrency, write in batches; the cursor
 * moves to the newest lastModified of a batch in that batch's transaction.
 */
export async function syncTruliooProfiles(ctx: SyncContext): Promise<void> {
  const client = ctx.clients.trulioo;
  if (!client) return;
  ctx.enterStage("trulioo.workflows");
  await syncWorkflows(ctx, client);

  ctx.enterStage("trulioo.profiles");
  const watermark = ctx.full ? null : await ctx.readCursor(PROFILE_CURSOR);
  const after = watermark ? new Date(watermark.getTime() - OVERLAP_MS) : undefined;
  let buffer: TProfileRows[] = [];
  let newest = watermark;
  let expectedSet = false;

  const flush = async () => {
    const rows = buffer;
    const mark = newest;
    buffer = [];
    const counts = await writeProfiles(ctx.db, rows, mark ? (tx) => SyncContext.writeCursor(tx, PROFILE_CURSOR, mark) : undefined);
    ctx.count(counts);
  };

  const pages = client.clients(
    { after, limit: 50 },
    {
      onInvalid: ctx.invalidItemHandler("trulioo.client"),
      onTotal: (total) => {
        if (!expectedSet) ctx.addExpected(total);
        expectedSet = true;
      },
    },
  );
  for await (const page of pages) {
    const toRead = ctx.full ? page : await changedSince(ctx, page);
    ctx.count({ unchanged: page.length - toRead.length });
    const rows = await mapLimit(toRead, ctx.concurrency, (summary) => fetchProfile(ctx, client, summary.id));
    buffer.push(...rows.filter((r): r is TProfileRows => r !== null));
    for (const summary of page) if (!newest || summary.lastModified > newest) newest = summary.lastModified;
    if (buffer.length >= ctx.batchSize) await flush();
  }
  await flush();
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
  ctx.count(await writeProfiles(ctx.db, [rows]));
  return "written";
}
