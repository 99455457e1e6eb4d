import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrate";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "../../scripts/lib/embedded-postgres";

// Integration tests get a database of their own: TEST_DATABASE_URL as given (npm test makes a fresh
// one), otherwise a new database on DATABASE_URL's server, otherwise an embedded PostgreSQL.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("databaseUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const name = `cd_it_${Date.now()}_${randomBytes(3).toString("hex")}`;
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(await mkdtemp(path.join(os.tmpdir(), "cd-it-")), "pg"), persistent: false });
    adminUrl = embedded.urlFor("postgres");
    stopEmbedded = embedded.stop;
  }
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(adminUrl, name);
    await stopEmbedded?.();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
