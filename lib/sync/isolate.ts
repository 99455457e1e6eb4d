import { inTransaction } from "@/lib/db/sql";
import type { SyncContext } from "./context";
import type { TAfterWrite, TWriteCounts } from "./write-profiles";

/** PostgreSQL refused the data itself (class 22 data exception, 23 integrity): retrying the same rows would fail again. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}

/**
 * Writes a batch; if PostgreSQL refuses some record in it, splits the batch until that record is
 * alone, stores it as a SyncError and writes the rest, so one bad record never stops a sync. The
 * after-write step (the cursor) runs with the last part.
 */
export async function writeIsolating<R>(
  ctx: SyncContext,
  source: string,
  rows: R[],
  idOf: (row: R) => string,
  write: (rows: R[], afterWrite?: TAfterWrite) => Promise<TWriteCounts>,
  afterWrite?: TAfterWrite,
): Promise<TWriteCounts> {
  try {
    return await write(rows, afterWrite);
  } catch (error) {
    if (!isDataError(error)) throw error;
    if (rows.length <= 1) {
      const row = rows[0];
      if (row !== undefined) await ctx.recordError(source, idOf(row), `the database refused this record: ${(error as Error).message}`);
      if (afterWrite) await inTransaction(ctx.pool, afterWrite);
      return { created: 0, updated: 0, unchanged: 0 };
    }
    const half = Math.ceil(rows.length / 2);
    const first = await writeIsolating(ctx, source, rows.slice(0, half), idOf, write);
    const second = await writeIsolating(ctx, source, rows.slice(half), idOf, write, afterWrite);
    return { created: first.created + second.created, updated: first.updated + second.updated, unchanged: first.unchanged + second.unchanged };
  }
}
