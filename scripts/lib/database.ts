import path from "node:path";
import { applyMigrations } from "../../lib/db/migrate";
import { ensureDatabase, startEmbeddedPostgres, type TEmbeddedPostgres } from "./embedded-postgres";

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

