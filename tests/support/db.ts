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
