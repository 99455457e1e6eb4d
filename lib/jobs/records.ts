import type pg from "pg";
import type { Prisma } from "@/lib/db";
import type { TAuditActor, TRequestContext } from "@/lib/audit/schemas";

export type TNewJob = {
  kind: string;
  title: string;
  payload: Prisma.InputJsonValue;
  requester: { id: string; email: string; role: TAuditActor["role"] };
  request: TRequestContext;
  /** The subjects in the order they are to be worked through, with what each was before, when known. */
  items: { subjectId: string; before?: string | null; skip?: { code: string | null; message: string } }[];
  awaitingApproval: boolean;
  retryOfId?: string | null;
};

const COPY_CHUNK = 5000;

/**
 * Writes a job and its items in the caller's transaction (with its audit row beside it). Items refused
 * before anything is sent (e.g. a transition the contract forbids) are stored as SKIPPED with why, so
 * the job's results list every id that was asked for.
 */
export async function insertJob(client: pg.PoolClient, job: TNewJob): Promise<string> {
  const skipped = job.items.filter((i) => i.skip).length;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO jobs (id, kind, state, payload, title, requested_by_id, requested_by_email, request_context, total, skipped, approval_required, retry_of_id)
     VALUES (gen_random_uuid(), $1, $2::"JobState", $3::jsonb, $4, $5::uuid, $6, $7::jsonb, $8, $9, $10, $11::uuid) RETURNING id::text`,
    [
      job.kind, job.awaitingApproval ? "AWAITING_APPROVAL" : "QUEUED", JSON.stringify(job.payload), job.title, job.requester.id, job.requester.email,
      // The requester's role at the time travels with the request: the job's audit rows state it.
      JSON.stringify({ ...job.request, role: job.requester.role }), job.items.length, skipped, job.awaitingApproval, job.retryOfId ?? null,
    ],
  );
  const id = rows[0]!.id;
  for (let start = 0; start < job.items.length; start += COPY_CHUNK) {
    const part = job.items.slice(start, start + COPY_CHUNK);
    await client.query(
      `INSERT INTO job_items (job_id, seq, subject_id, before, state, code, message, finished_at)
       SELECT $1::uuid, t.seq, t.subject_id, t.before, t.state::"JobItemState", t.code, t.message, CASE WHEN t.state = 'SKIPPED' THEN now() END
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(seq, subject_id, before, state, code, message)`,
      [
        id,
        part.map((_, i) => start + i),
        part.map((i) => i.subjectId),
        part.map((i) => i.before ?? null),
        part.map((i) => (i.skip ? "SKIPPED" : "PENDING")),
        part.map((i) => i.skip?.code ?? null),
        part.map((i) => i.skip?.message ?? null),
      ],
    );
  }
  return id;
}
