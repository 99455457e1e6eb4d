import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDbEnv } from "@/lib/env";

export type { Prisma } from "@/lib/generated/prisma/client";

// One client per process; kept on globalThis so dev hot reloads do not open a pool each time.
const globalForDb = globalThis as unknown as { __complianceDeskDb?: PrismaClient };

function createClient(): PrismaClient {
  const env = getDbEnv();
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DB_POOL_SIZE });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  globalForDb.__complianceDeskDb ??= createClient();
  return globalForDb.__complianceDeskDb;
}

export type Db = PrismaClient;
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
