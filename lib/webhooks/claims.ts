import type pg from "pg";

type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

export type TClaimedEvent = { id: string; source: string; type: string; subjectId: string | null; attempts: number };

/**
 * Claims up to `limit` due events for this worker, lane 0 first, then by due time, skipping rows
 * another worker holds (SKIP LOCKED, and a lease younger than `leaseSeconds`). Every other waiting
 * event that names one of the same records joins the claim, so one re-read answers them all and no
 * other worker reads that record for them meanwhile. Events arriving after the claim are not in it:
 * the re-read may predate them.
 */
export async function claimEvents(pool: Queryable, workerId: string, limit: number, leaseSeconds: number): Promise<TClaimedEvent[]> {
  const { rows } = await pool.query<{ id: string; source: string; type: string; subject_id: string | null; attempts: number }>(
    `WITH picked AS (
       SELECT id, source, subject_id FROM webhook_events
       WHERE state = 'RECEIVED' AND next_attempt_at <= now()
         AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $3))
       ORDER BY lane, next_attempt_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     ), siblings AS (
       SELECT e.id FROM webhook_events e
       JOIN (SELECT DISTINCT source, subject_id FROM picked WHERE subject_id IS NOT NULL) s
         ON e.source = s.source AND e.subject_id = s.subject_id
       WHERE e.state = 'RECEIVED' AND (e.claimed_at IS NULL OR e.claimed_at < now() - make_interval(secs => $3))
       FOR UPDATE OF e SKIP LOCKED
     )
     UPDATE webhook_events e SET claimed_at = now(), claimed_by = $1
     WHERE e.id IN (SELECT id FROM picked UNION SELECT id FROM siblings)
     RETURNING e.id::text, e.source, e.type, e.subject_id, e.attempts`,
    [workerId, limit, leaseSeconds],
  );
  return rows.map((r) => ({ id: r.id, source: r.source, type: r.type, subjectId: r.subject_id, attempts: r.attempts }));
}

/** Final state for claimed events (only while this worker still holds them). Returns how many changed. */
export async function markEvents(
  db: Queryable,
  workerId: string,
  ids: string[],
  state: "PROCESSED" | "FAILED",
  error: string | null,
  outcome: "reread" | "echo" | null = null,
): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await db.query(
    `UPDATE webhook_events
     SET state = $3::"WebhookState", processed_at = now(), attempts = attempts + 1, error = $4, outcome = $5, claimed_at = NULL
     WHERE id = ANY($1::bigint[]) AND claimed_by = $2 AND state = 'RECEIVED'`,
    [ids, workerId, state, error?.slice(0, 1000) ?? null, outcome],
  );
  return rowCount ?? 0;
}

/**
 * A temporary failure (upstream down, rate limits past the transport's retries): the events go back to
 * the inbox, due again after an exponential backoff (5 s, 10 s, 20 s… at most 10 min), until their
 * last try, which fails them with the reason.
 */
export async function retryEvents(
  db: Queryable,
  workerId: string,
  events: (TClaimedEvent & { reason: string })[],
  maxAttempts: number,
): Promise<{ retried: number; failed: number }> {
  let retried = 0;
  let failed = 0;
  for (const event of events) {
    const last = event.attempts + 1 >= maxAttempts;
    const { rowCount } = await db.query(
      `UPDATE webhook_events
       SET attempts = attempts + 1, error = $3, claimed_at = NULL,
           state = CASE WHEN $4 THEN 'FAILED'::"WebhookState" ELSE state END,
           processed_at = CASE WHEN $4 THEN now() ELSE processed_at END,
           next_attempt_at = now() + make_interval(secs => LEAST(600, 5 * power(2, attempts)))
       WHERE id = $1::bigint AND claimed_by = $2 AND state = 'RECEIVED'`,
      [event.id, workerId, event.reason.slice(0, 1000), last],
    );
    if (rowCount) {
      if (last) failed += 1;
      else retried += 1;
    }
  }
  return { retried, failed };
}
