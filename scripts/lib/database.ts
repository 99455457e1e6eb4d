import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../lib/db/migrate";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, type TEmbeddedPostgres } from "./embedded-postgres";

export type TPreparedDatabase = { url: string; embedded: TEmbeddedPostgres | null };

/**
 * DATABASE_URL when set (nothing started), otherwise an embedded PostgreSQL under `dataDir`.
 * Either way the database exists and is migrated on return.
 */
export async function prepareDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  database: string;
  persistent: boolean;
  log: (line: string) => void;
}): Promise<TPreparedDatabase> {
  let url = options.databaseUrl;
  let embedded: TEmbeddedPostgres | null = null;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, persistent: options.persistent });
    await ensureDatabase(embedded.urlFor("postgres"), options.database);
    url = embedded.urlFor(options.database);
    options.log(`embedded PostgreSQL on port ${embedded.port} (data in ${path.relative(process.cwd(), options.dataDir)})`);
  }
  const report = await applyMigrations(url, path.join(process.cwd(), "prisma", "migrations"), options.log);
  options.log(`migrations: ${report.applied.length} applied, ${report.alreadyApplied} already in place`);
  return { url, embedded };
}


export type TScratchDatabase = { url: string; drop(): Promise<void> };

/**
 * A throw-away database for a benchmark: a fresh one on DATABASE_URL's server when set, else on an
 * embedded PostgreSQL of its own; migrated on return, and gone (with its server) after `drop()`.
 */
export async function scratchDatabase(label: string): Promise<TScratchDatabase> {
  const work = mkdtempSync(path.join(os.tmpdir(), `cd-${label}-`));
  const name = `cd_${label.replace(/\W/g, "_")}_${randomBytes(3).toString("hex")}`;
  let embedded: TEmbeddedPostgres | null = null;
  let server = process.env.DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), persistent: false });
    server = embedded.urlFor("postgres");
  }
  await ensureDatabase(server, name);
  const url = withDatabase(server, name);
  await applyMigrations(url);
  return {
    url,
    async drop() {
      await dropDatabase(server, name).catch(() => undefined);
      await embedded?.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
