import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { PrismaClient } from "../../lib/generated/prisma/client";

export function databaseUrl(): string {
  return inject("databaseUrl");
}

export function createTestDb(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: 5 }) });
}

/** Unique per call, so tests sharing one database never collide. */
export function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${randomBytes(4).toString("hex")}@test.compliance.desk`;
}

export const TEST_REQUEST = { requestId: "test-request", ip: "127.0.0.1", userAgent: "vitest" };

/**
 * A database of the test file's own on the same server (fresh and migrated), for tests that need
 * tables nobody else writes to at the same time. Drop it with the returned function.
 */
export async function createIsolatedDatabase(
  label: string,
): Promise<{ url: string; db: PrismaClient; pool: import("pg").Pool; drop(): Promise<void> }> {
  const { applyMigrations } = await import("../../lib/db/migrate");
  const { dropDatabase, ensureDatabase, withDatabase } = await import("../../scripts/lib/embedded-postgres");
  const base = databaseUrl();
  const admin = withDatabase(base, "postgres");
  const name = `${new URL(base).pathname.slice(1)}_${label}_${randomBytes(3).toString("hex")}`.slice(0, 63);
  await ensureDatabase(admin, name);
  const url = withDatabase(base, name);
  await applyMigrations(url);
  const { createDatabase } = await import("../../lib/db");
  const { db, pool } = createDatabase(url, 8);
  return {
    url,
    db,
    pool,
    async drop() {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
      await dropDatabase(admin, name);
    },
  };
}
