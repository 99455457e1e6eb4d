import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo, from as copyFrom } from "pg-copy-streams";
import { applyMigrations } from "../lib/db/migrate";
import { createDatabase } from "../lib/db";
import { parseProviderEnv } from "../lib/env";
import { providerConfigsFrom } from "../lib/providers/config";
import { TruliooClient } from "../lib/providers/trulioo/client";
import { runSyncStages } from "../lib/sync/run-sync";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, type TEmbeddedPostgres } from "./lib/embedded-postgres";
import { stopProcess } from "./lib/processes";
import { startSandboxProcess } from "./lib/sandbox-process";

// `npm run bench:sync [-- N]`: syncs N profiles (default 20,000) from a zero-latency sandbox into an
// empty database, then writes the very same rows with one COPY per table: the physical floor here.
const N = Number(process.argv[2] ?? process.env.BENCH_PROFILES ?? 20_000);
const CONCURRENCY = Number(process.env.SYNC_CONCURRENCY ?? 16);
const BATCH = Number(process.env.SYNC_BATCH_SIZE ?? 1000);
const TABLES = ["profiles", "profile_flows", "field_values", "profile_files", "service_results", "profile_notes", "profile_tasks", "profile_links"];

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "cd-bench-"));
  let embedded: TEmbeddedPostgres | null = null;
  let server = process.env.DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), persistent: false });
    server = embedded.urlFor("postgres");
  }
  const stamp = randomBytes(3).toString("hex");
  const names = { sync: `cd_bench_${stamp}_sync`, copy: `cd_bench_${stamp}_copy` };
  for (const name of Object.values(names)) {
    await ensureDatabase(server, name);
    await applyMigrations(withDatabase(server, name));
  }
  const syncUrl = withDatabase(server, names.sync);
  const copyUrl = withDatabase(server, names.copy);

  const sandbox = await startSandboxProcess({
    ...process.env,
    SANDBOX_PORT: "0",
    SANDBOX_PROFILES: String(N),
    SANDBOX_JUMIO_ACCOUNTS: "0",
    SANDBOX_TRUSTX_INSTANCES: "0",
  });
  const trulioo = new TruliooClient(providerConfigsFrom(parseProviderEnv(sandbox.appEnv)).trulioo!);
  const { db, pool } = createDatabase(syncUrl, 8);

  try {
    console.log(`bench:sync — ${N.toLocaleString("en")} profiles, concurrency ${CONCURRENCY}, batch ${BATCH}, ${os.cpus().length} cores`);
    const started = performance.now();
    const totals = await runSyncStages({ db, pool, clients: { trulioo, jumio: null, trustx: null }, kind: "INCREMENTAL", concurrency: CONCURRENCY, batchSize: BATCH });
    const syncMs = performance.now() - started;
    const held = await db.profile.count();
    if (held !== N || totals.errors > 0) throw new Error(`expected ${N} profiles and no errors, got ${held} and ${totals.errors} errors`);
    const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT (${TABLES.map((t) => `(SELECT count(*) FROM ${t})`).join(" + ")}) AS n`);

    // The same rows, dumped and written back with COPY into an empty database: one COPY per table.
    const source = new pg.Client({ connectionString: syncUrl });
    const target = new pg.Client({ connectionString: copyUrl });
    await source.connect();
    await target.connect();
    const dumps: Record<string, Buffer> = {};
    for (const table of TABLES) {
      const chunks: Buffer[] = [];
      const stream = source.query(copyTo(`COPY ${table} TO STDOUT (FORMAT binary)`));
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      dumps[table] = Buffer.concat(chunks);
    }
    const copyStarted = performance.now();
    await target.query("BEGIN");
    for (const table of TABLES) {
      const sink = target.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`));
      await pipeline(async function* () {
        yield dumps[table]!;
      }, sink);
    }
    await target.query("COMMIT");
    const copyMs = performance.now() - copyStarted;
    await source.end();
    await target.end();

    const syncRate = N / (syncMs / 1000);
    const copyRate = N / (copyMs / 1000);
    console.log(`
  sync   ${(syncMs / 1000).toFixed(2)} s   ${Math.round(syncRate).toLocaleString("en")} profiles/s   (${Number(rows[0]!.n).toLocaleString("en")} rows in ${TABLES.length} tables, HTTP read + zod + upsert)
  COPY   ${(copyMs / 1000).toFixed(2)} s   ${Math.round(copyRate).toLocaleString("en")} profiles/s   (same rows, one COPY per table, no reading or parsing)
  ratio  sync is ${(copyRate / syncRate).toFixed(1)}x slower than COPY; target ≥ 2,000 profiles/s: ${syncRate >= 2000 ? "met" : "NOT met"}`);
  } finally {
    await db.$disconnect();
    await pool.end().catch(() => undefined);
    await stopProcess(sandbox.managed);
    for (const name of Object.values(names)) await dropDatabase(server, name).catch(() => undefined);
    await embedded?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
