import type pg from "pg";
import type { Db, SqlPool } from "@/lib/db";
import type { TProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";
import { ProviderHttpError, ProviderResponseError } from "@/lib/providers/errors";
import type { TInvalidItem, TSetAside } from "@/lib/providers/lenient";
import type { TWriteCounts } from "./write-profiles";

export type TSyncKind = "INCREMENTAL" | "FULL";

export type TSyncTotals = TWriteCounts & { errors: number; processed: number; expected: number | null };

/** Totals for the whole run, plus the current stage's own count and expected size (when the provider tells it). */
export type TSyncProgress = TSyncTotals & { stage: string; stageProcessed: number; stageExpected: number | null };

export type TSyncOptions = {
  db: Db;
  /** Same database as `db`; used for the set-based bulk writes. */
  pool: SqlPool;
  clients: TProviderClients;
  kind: TSyncKind;
  runId?: string | null;
  /** Parallel detail requests per provider. */
  concurrency?: number;
  /** Records per database transaction. */
  batchSize?: number;
  onProgress?: (progress: TSyncProgress) => void;
};

export type TStageFailure = { stage: string; message: string };

/** The stages a run goes through, in words for the sync page. */
export const STAGE_LABELS: Record<string, string> = {
  "trulioo.workflows": "Trulioo workflows",
  "trulioo.profiles": "Trulioo profiles",
  "jumio.executions": "Jumio executions",
  "trustx.instances": "TrustX instances",
};

/** How far back an incremental reader re-reads from its watermark (contract §0.3). */
export const OVERLAP_MS = 2 * 60_000;

export class SyncContext {
  readonly db: Db;
  readonly pool: SqlPool;
  readonly clients: TProviderClients;
  readonly kind: TSyncKind;
  readonly runId: string | null;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly totals: TSyncTotals = { created: 0, updated: 0, unchanged: 0, errors: 0, processed: 0, expected: null };
  stage = "starting";
  private stageStart = 0;
  private stageExpected: number | null = null;
  private readonly onProgress?: (progress: TSyncProgress) => void;

  constructor(options: TSyncOptions) {
    this.db = options.db;
    this.pool = options.pool;
    this.clients = options.clients;
    this.kind = options.kind;
    this.runId = options.runId ?? null;
    this.concurrency = options.concurrency ?? 16;
    this.batchSize = options.batchSize ?? 250;
    this.onProgress = options.onProgress;
  }

  get full(): boolean {
    return this.kind === "FULL";
  }

  /** Stages that failed in this run, with why; the others ran to their end. */
  readonly stageFailures: TStageFailure[] = [];

  /**
   * Runs one stage so that its failure is its own: a failing workflows read does not stop the profiles,
   * a provider that is down does not stop the others. What the stage committed stays (its cursor moved
   * only with committed batches), the failure is noted with the stage it happened in, and the run goes on.
   */
  async isolateStage(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      await this.flushPending().catch(() => undefined);
      this.stageFailures.push({ stage: this.stage, message: messageOf(error) });
      this.emit();
    }
  }

  enterStage(stage: string): void {
    this.stage = stage;
    this.stageStart = this.totals.processed;
    this.stageExpected = null;
    this.emit();
  }

  addExpected(count: number): void {
    this.totals.expected = (this.totals.expected ?? 0) + count;
    this.stageExpected = (this.stageExpected ?? 0) + count;
    this.emit();
  }

  count(counts: Partial<TWriteCounts> & { processed?: number }): void {
    this.totals.created += counts.created ?? 0;
    this.totals.updated += counts.updated ?? 0;
    this.totals.unchanged += counts.unchanged ?? 0;
    this.totals.processed += counts.processed ?? (counts.created ?? 0) + (counts.updated ?? 0) + (counts.unchanged ?? 0);
    this.emit();
  }

  emit(): void {
    this.onProgress?.({
      ...this.totals,
      stage: this.stage,
      stageProcessed: this.totals.processed - this.stageStart,
      stageExpected: this.stageExpected,
    });
  }

  /** Why each record refused in this context was refused (by external id): the webhook drain reports it per event. */
  readonly refusals = new Map<string, string>();

  /** Stores a record that could not be used, with what was wrong and its payload; the run goes on. */
  async recordError(source: string, externalId: string | null, message: string, extra: { issues?: unknown; raw?: unknown } = {}) {
    if (externalId) this.refusals.set(externalId, message);
    this.totals.errors += 1;
    this.totals.processed += 1;
    // A wiped person's record, read again and refused, must not bring their data back as a payload.
    if (externalId && (extra.raw !== undefined || extra.issues !== undefined) && (await this.isWiped(externalId))) extra = {};
    await this.insertError(source, externalId, message, extra);
    this.emit();
  }

  /**
   * Parts of a record that were set aside (a malformed note, step, rule or feedback): the record itself
   * is written, and each part is kept here with its raw JSON and what was wrong, so nothing is lost silently.
   */
  async recordSetAside(source: string, externalId: string, items: TSetAside[]): Promise<void> {
    if (items.length === 0) return;
    const wiped = await this.isWiped(externalId);
    for (const item of items) {
      this.totals.errors += 1;
      const message = `one of the ${item.part}${item.id ? ` (${item.id.slice(0, 100)})` : ""} could not be read and was left out; the rest of the record was kept`;
      await this.insertError(`${source}.${item.part}`, externalId, message, wiped ? {} : { issues: item.issues, raw: item.raw ?? null });
    }
    this.emit();
  }

  private async insertError(source: string, externalId: string | null, message: string, extra: { issues?: unknown; raw?: unknown }) {
    await this.db.syncError.create({
      data: {
        runId: this.runId,
        source,
        // Indexed with the source; an id from a record that failed validation may be any length.
        externalId: externalId?.slice(0, 200) ?? null,
        message: message.slice(0, 2000),
        issues: extra.issues === undefined ? undefined : (extra.issues as object),
        raw: extra.raw === undefined ? undefined : (JSON.parse(JSON.stringify(extra.raw ?? null)) as object),
      },
    });
  }

  private async isWiped(externalId: string): Promise<boolean> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(externalId) ? externalId : null;
    const { rows } = await this.pool.query<{ wiped: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM profiles WHERE id = $2::uuid AND pii_wiped_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM executions WHERE provider IN ('JUMIO', 'TRUSTX') AND id = $1 AND wiped_out_at IS NOT NULL) AS wiped`,
      [externalId, uuid],
    );
    return rows[0]?.wiped ?? false;
  }

  invalidItemHandler(source: string): (item: TInvalidItem) => void {
    return (item) => {
      const write = this.recordError(source, item.id, "record failed validation", { issues: item.issues, raw: item.raw }).catch(
        (error: unknown) => {
          this.pendingFailure ??= error;
        },
      );
      this.pending.push(write);
    };
  }

  /** Errors recorded from synchronous hooks; awaited (and their own failures raised) before the stage ends. */
  private readonly pending: Promise<void>[] = [];
  private pendingFailure: unknown = null;

  async flushPending(): Promise<void> {
    await Promise.all(this.pending.splice(0));
    const failure = this.pendingFailure;
    this.pendingFailure = null;
    if (failure) throw failure;
  }

  /**
   * Reads one listed record. One that breaks the contract, or that is gone (404) by the time it is
   * read, becomes a SyncError and null, so the run goes on; any other failure is thrown.
   */
  async readRecord<T>(source: string, externalId: string, read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ProviderResponseError) {
        await this.recordError(source, externalId, error.message, { issues: error.issues, raw: error.raw });
        return null;
      }
      if (error instanceof ProviderHttpError && error.status === 404) {
        await this.recordError(source, externalId, "listed but not found (404) when read");
        return null;
      }
      throw error;
    }
  }

  async readCursor(key: string): Promise<Date | null> {
    const row = await this.db.syncCursor.findUnique({ where: { key } });
    return row?.watermark ?? null;
  }

  static async writeCursor(client: pg.PoolClient, key: string, watermark: Date): Promise<void> {
    // Never moves back: two workers finishing out of order keep the later watermark.
    await client.query(
      `INSERT INTO sync_cursors (key, watermark, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET watermark = GREATEST(sync_cursors.watermark, EXCLUDED.watermark), updated_at = now()`,
      [key, watermark],
    );
  }
}

function messageOf(error: unknown): string {
  const text = toAppError(error)?.message ?? (error instanceof Error ? error.message : String(error));
  return text.slice(0, 500);
}
