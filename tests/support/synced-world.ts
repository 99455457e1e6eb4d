import { afterAll, beforeAll } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import type { TRole } from "../../lib/auth/permissions";
import { JOB_DEFINITIONS } from "../../lib/jobs/definitions";
import type { TRunnerDeps } from "../../lib/jobs/runner";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { runSyncStages } from "../../lib/sync/run-sync";
import type { SandboxOptions } from "../../sandbox/config";
import { createIsolatedDatabase, TEST_REQUEST, uniqueEmail } from "./db";
import { startTestSandbox } from "./sandbox";

export type TSyncedWorld = {
  sb: Awaited<ReturnType<typeof startTestSandbox>>;
  isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
};

/**
 * A sandbox and a database of the suite's own, synced once before its tests (unless `sync: false`),
 * with the app's own database handle (lib/db) pointed at it, all torn down after. Returned as a holder
 * filled in by beforeAll: read its fields inside tests, not at collection time.
 */
export function syncedWorld(
  name: string,
  sandbox: SandboxOptions,
  options: { sync?: { concurrency: number; batchSize: number } | false; env?: Record<string, string>; timeoutMs?: number } = {},
): TSyncedWorld {
  const world = {} as TSyncedWorld;
  const saved = { ...process.env };
  beforeAll(async () => {
    world.sb = await startTestSandbox(sandbox);
    world.isolated = await createIsolatedDatabase(name);
    process.env.DATABASE_URL = world.isolated.url;
    process.env.NEXTAUTH_SECRET ??= `${name}-test-secret-0123456789abcdef`;
    Object.assign(process.env, options.env ?? {});
    if (options.sync !== false) {
      const { concurrency, batchSize } = options.sync ?? { concurrency: 8, batchSize: 100 };
      await runSyncStages({ db: world.isolated.db, pool: world.isolated.pool, clients: world.sb.clients, kind: "FULL", concurrency, batchSize });
    }
  }, options.timeoutMs ?? 120_000);
  afterAll(async () => {
    const { getDb, getPool } = await import("../../lib/db");
    await getDb().$disconnect();
    await getPool().end().catch(() => undefined);
    process.env = saved;
    await world.sb?.sandbox.close();
    await world.isolated?.drop();
  });
  return world;
}

/** A new user of that role and the action context a server action would give them. */
export async function actionContextFor(db: PrismaClient, role: TRole, name: string): Promise<TActionContext> {
  const user = await db.user.create({ data: { email: uniqueEmail(name.toLowerCase().replace(/\W+/g, "-")), name, role } });
  const actor = { id: user.id, email: user.email, role: user.role };
  return { user: { ...actor, name: user.name, mustChangePassword: false }, actor, request: TEST_REQUEST, db, audit: (entry) => ({ ...entry, actor, request: TEST_REQUEST }) };
}

/** What the job runner needs to run a job in this test process, against the world's sandbox and database. */
export function jobRunnerDeps(world: TSyncedWorld, log: (line: string) => void = () => undefined): TRunnerDeps {
  return { database: world.isolated, databaseUrl: world.isolated.url, clients: world.sb.clients, workerId: "test-worker", definitions: JOB_DEFINITIONS, log };
}
