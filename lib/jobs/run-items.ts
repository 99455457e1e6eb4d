import type pg from "pg";
import { inTransaction } from "@/lib/db/sql";
import { TemporaryJobError, type TItemJobHandlers, type TItemOutcome, type TJobContext, type TJobItem } from "./define";

export type TRunControl = {
  /** Read between chunks: a cancel stops before the next chunk is sent. */
  cancelled(): Promise<boolean>;
  sleep(ms: number): Promise<void>;
};

const MAX_BACKOFF_MS = 30_000;

/**
 * Works through a job's items, chunk by chunk, several chunks at once. Each chunk is claimed (and
 * marked as sent) in its own commit before it goes upstream, and its outcomes are committed with the
 * local changes they cause. A chunk a dead worker left claimed is reconciled first: read upstream,
 * settle what was applied, send again only what was not. A temporary failure (rate limit, provider
 * down) pauses and retries the same chunk: it never fails an item nor splits the chunk.
 */
export async function runItems<P>(ctx: TJobContext<P>, handlers: TItemJobHandlers<P>, control: TRunControl): Promise<"finished" | "cancelled"> {
  const { pool } = ctx;
  let nextChunk = await recoverClaims(ctx, handlers);
  let cancelled = false;
  // Claims are taken one at a time (this process is the job's only runner): lanes claiming at once
  // would skip each other's locked rows and send short chunks.
  let claiming: Promise<unknown> = Promise.resolve();
  const claimNext = (chunk: number) => {
    const next = claiming.then(() => claimChunk(pool, ctx.job.id, chunk, handlers.chunkSize, ctx.workerId));
    claiming = next.catch(() => undefined);
    return next;
  };
  const lane = async () => {
    for (;;) {
      if (cancelled || (await control.cancelled())) {
        cancelled = true;
        return;
      }
      const chunk = nextChunk++;
      const items = await claimNext(chunk);
      if (items.length === 0) return;
      const outcomes = await sendWithPatience(ctx, handlers, items, control);
      await commitChunk(ctx, handlers, items, outcomes);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, handlers.concurrency()) }, lane));
  return cancelled ? "cancelled" : "finished";
}

async function sendWithPatience<P>(ctx: TJobContext<P>, handlers: TItemJobHandlers<P>, items: TJobItem[], control: TRunControl): Promise<TItemOutcome[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await handlers.send(ctx, items);
    } catch (error) {
      if (!(error instanceof TemporaryJobError)) throw error;
      const wait = error.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 6));
      ctx.log(`job ${ctx.job.id}: ${error.message}; the chunk waits ${Math.round(wait / 100) / 10} s and goes again`);
      await control.sleep(wait);
    }
  }
}

/** Claims the next pending items in order and marks them as handed to the provider, in one commit. */
async function claimChunk(pool: pg.Pool, jobId: string, chunk: number, size: number, workerId: string): Promise<TJobItem[]> {
  const { rows } = await pool.query<{ seq: number; subject_id: string; before: string | null }>(
    `WITH next AS (
       SELECT seq FROM job_items WHERE job_id = $1::uuid AND state = 'PENDING' ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED
     )
     UPDATE job_items i SET state = 'CLAIMED', chunk = $3, claimed_by = $4, claimed_at = now(), sent_at = now()
     FROM next WHERE i.job_id = $1::uuid AND i.seq = next.seq
     RETURNING i.seq, i.subject_id, i.before`,
    [jobId, size, chunk, workerId],
  );
  return rows.map((r) => ({ seq: r.seq, subjectId: r.subject_id, before: r.before })).sort((a, b) => a.seq - b.seq);
}

/** The chunk's outcomes, its local changes (the definition's commit) and the job's counts, in one transaction. */
async function commitChunk<P>(ctx: TJobContext<P>, handlers: TItemJobHandlers<P>, items: TJobItem[], outcomes: TItemOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await inTransaction(ctx.pool, async (client) => {
    await handlers.commit(ctx, client, items, outcomes);
    await client.query(
      `UPDATE job_items i SET state = o.state::"JobItemState", code = o.code, message = o.message, finished_at = now(), claimed_by = NULL
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS o(seq, state, code, message)
       WHERE i.job_id = $1::uuid AND i.seq = o.seq`,
      [
        ctx.job.id,
        outcomes.map((o) => o.seq),
        outcomes.map((o) => o.state),
        outcomes.map((o) => ("code" in o ? o.code : null)),
        outcomes.map((o) => o.message ?? null),
      ],
    );
    const count = (state: TItemOutcome["state"]) => outcomes.filter((o) => o.state === state).length;
    await client.query(
      "UPDATE jobs SET done = done + $2, failed = failed + $3, skipped = skipped + $4, heartbeat_at = now() WHERE id = $1::uuid",
      [ctx.job.id, count("DONE"), count("FAILED"), count("SKIPPED")],
    );
  });
}

/**
 * Claims left by a worker that died: all of them were marked as sent when claimed, so each such chunk
 * is settled by reading upstream (the definition's reconcile); what was not applied goes back to pending.
 * Returns the next free chunk number.
 */
async function recoverClaims<P>(ctx: TJobContext<P>, handlers: TItemJobHandlers<P>): Promise<number> {
  const { rows } = await ctx.pool.query<{ seq: number; subject_id: string; before: string | null; chunk: number | null }>(
    "SELECT seq, subject_id, before, chunk FROM job_items WHERE job_id = $1::uuid AND state = 'CLAIMED' ORDER BY seq",
    [ctx.job.id],
  );
  const byChunk = new Map<number, TJobItem[]>();
  for (const r of rows) {
    const list = byChunk.get(r.chunk ?? -1) ?? [];
    list.push({ seq: r.seq, subjectId: r.subject_id, before: r.before });
    byChunk.set(r.chunk ?? -1, list);
  }
  for (const [chunk, items] of byChunk) {
    const { settled, resend } = await handlers.reconcile(ctx, items);
    ctx.log(`job ${ctx.job.id}: chunk ${chunk} was in flight when its worker stopped: ${settled.length} settled from upstream, ${resend.length} to send again`);
    await commitChunk(ctx, handlers, items.filter((i) => settled.some((s) => s.seq === i.seq)), settled);
    if (resend.length) {
      await ctx.pool.query(
        "UPDATE job_items SET state = 'PENDING', chunk = NULL, claimed_by = NULL, claimed_at = NULL, sent_at = NULL WHERE job_id = $1::uuid AND seq = ANY($2::int[])",
        [ctx.job.id, resend],
      );
    }
  }
  const max = await ctx.pool.query<{ max: number | null }>("SELECT max(chunk) AS max FROM job_items WHERE job_id = $1::uuid", [ctx.job.id]);
  return (max.rows[0]?.max ?? 0) + 1;
}
