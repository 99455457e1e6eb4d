import { cp, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "../../lib/db/migrate";
import { databaseUrl } from "../support/db";

describe("migration runner", () => {
  it("does nothing on a database that is up to date", async () => {
    const report = await applyMigrations(databaseUrl());
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBeGreaterThan(0);
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cd-migrations-"));
    await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
    await writeFile(path.join(dir, "20261125000000_init", "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(applyMigrations(databaseUrl(), dir)).rejects.toThrow(/was changed after it was applied/);
  });
});
