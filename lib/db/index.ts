import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDbEnv } from "@/lib/env";
import { errorFields, log } from "@/lib/log";

export type { Prisma } from "@/lib/generated/prisma/client";
export type Db = PrismaClient;
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** node-postgres, for the few set-based bulk writes (sync) where Prisma's parameter handling is the bottleneck. */
export type SqlPool = pg.Pool;

export type TDatabase = { db: Db; pool: SqlPool };

/** Prisma and raw SQL share one pool of connections. */
export function createDatabase(url: string, max = 10): TDatabase {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server closes (restart, failover) is dropped by the pool; without a
  // listener its error would crash the process.
  pool.on("error", (error) => log.warn({ component: "db", ...errorFields(error) }, "idle connection lost"));
  return { db: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

// One per process; kept on globalThis so dev hot reloads do not open a pool each time.
const globalForDb = globalThis as unknown as { __complianceDeskDatabase?: TDatabase };

function database(): TDatabase {
  const env = getDbEnv();
  globalForDb.__complianceDeskDatabase ??= createDatabase(env.DATABASE_URL, env.DB_POOL_SIZE);
  return globalForDb.__complianceDeskDatabase;
}

export function getDb(): Db {
  return database().db;
}

export function getPool(): SqlPool {
  return database().pool;
}
