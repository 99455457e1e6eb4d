import "server-only";
import type pg from "pg";
import { getPool } from "@/lib/db";
import { csvHeader, csvLine, type TCsvColumn } from "@/lib/list/csv";
import { raw, sql, toQuery, where } from "@/lib/list/sql";
import { PROFILE_FROM, PROFILE_KEYS, profileConditions } from "./conditions";
import { PROFILE_SELECT, type TProfileRow } from "./queries";
import type { TProfileListParams } from "./schemas";

export const PROFILE_EXPORT_COLUMNS: TCsvColumn<TProfileRow>[] = [
  { header: "client_id", value: (r) => r.id },
  { header: "name", value: (r) => r.fullName },
  { header: "email", value: (r) => r.email },
  { header: "status", value: (r) => r.status },
  { header: "profile_type", value: (r) => r.profileType },
  { header: "workflow_ids", value: (r) => r.workflowIds.join(" ") },
  { header: "country", value: (r) => r.country },
  { header: "created_at", value: (r) => r.createdAt },
  { header: "last_modified", value: (r) => r.lastModified },
  { header: "service_outcome", value: (r) => r.serviceOutcome },
  { header: "linked_clients", value: (r) => r.linkCount },
  { header: "executions", value: (r) => r.executionCount },
  { header: "latest_decision", value: (r) => r.latestDecision },
  { header: "pii_wiped_at", value: (r) => r.piiWipedAt },
];

/** Above this an export should be a job (a later issue); the file says it was cut. */
export const MAX_EXPORT_ROWS = 250_000;
const FETCH = 2_000;

export type TExportSummary = { rows: number; complete: boolean; truncated: boolean };

/**
 * The current filter and sort as CSV, read through a server-side cursor in one read-only snapshot:
 * 2,000 rows in memory at a time however long the list, and no row twice or missed when profiles
 * change meanwhile. `onEnd` runs once, also when the download is cancelled or fails.
 */
export function streamProfilesCsv(params: TProfileListParams, onEnd: (summary: TExportSummary) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const key = PROFILE_KEYS[params.sort];
  const order = raw(key.map((k) => `${k.expr} ${params.dir === "asc" ? "ASC" : "DESC"}`).join(", "));
  const query = toQuery(sql`SELECT ${PROFILE_SELECT} ${PROFILE_FROM} ${where(profileConditions(params))} ORDER BY ${order} LIMIT ${MAX_EXPORT_ROWS + 1}`);
  let client: pg.PoolClient | null = null;
  let rows = 0;
  let ended = false;

  const finish = async (complete: boolean, truncated = false) => {
    if (ended) return;
    ended = true;
    const held = client;
    client = null;
    if (held) {
      await held.query(complete ? "COMMIT" : "ROLLBACK").catch(() => undefined);
      held.release();
    }
    await onEnd({ rows, complete, truncated });
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const held = await getPool().connect();
        client = held;
        await held.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        await held.query({ text: `DECLARE profiles_export NO SCROLL CURSOR FOR ${query.text}`, values: query.values });
        controller.enqueue(encoder.encode(`\uFEFF${csvHeader(PROFILE_EXPORT_COLUMNS)}`));
      } catch (error) {
        await finish(false);
        controller.error(error);
      }
    },
    async pull(controller) {
      try {
        if (!client) return;
        const batch = await client.query<TProfileRow>(`FETCH ${FETCH} FROM profiles_export`);
        let text = "";
        for (const row of batch.rows) {
          if (rows === MAX_EXPORT_ROWS) {
            await finish(true, true);
            controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += csvLine(PROFILE_EXPORT_COLUMNS, row);
          rows += 1;
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (batch.rows.length < FETCH) {
          await finish(true);
          controller.close();
        }
      } catch (error) {
        await finish(false);
        controller.error(error);
      }
    },
    async cancel() {
      await finish(false);
    },
    // No read-ahead: the next batch is fetched when the client has taken the previous one.
  }, { highWaterMark: 0 });
}
