import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSyncStages } from "../../lib/sync/run-sync";
import { createIsolatedDatabase } from "../support/db";
import { mismatches, readTruth, report } from "../support/independent-truth";
import { startTestSandbox } from "../support/sandbox";

/**
 * The sandbox's quirks mode serves about half of the records in other spellings a real service may use
 * (explicit nulls, epoch seconds and ms swapped, numbers in value arrays, pages without `last`, TrustX
 * `createdDtm`, times without an offset, files behind a 302). The meaning is the same, so the copy must
 * be as exact as in normal mode; the reference normalises each spelling by the contract, on its own.
 */
describe("sync against the sandbox's quirks mode", () => {
  let sb: Awaited<ReturnType<typeof startTestSandbox>>;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  const run = (kind: "INCREMENTAL" | "FULL") =>
    runSyncStages({ db: isolated.db, pool: isolated.pool, clients: sb.clients, kind, concurrency: 8, batchSize: 25 });

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 60, seed: 11, quirks: true });
    isolated = await createIsolatedDatabase("quirks");
  });
  afterAll(async () => {
    await sb?.sandbox.close();
    await isolated?.drop();
  });

  it("copies every record exactly, field by field, whatever spelling each came in", async () => {
    const config = (await sb.control("/config")) as { config: { quirks?: boolean } };
    expect(config.config.quirks).toBe(true);
    const totals = await run("FULL");
    const truth = await readTruth(sb.env);
    expect(report(await mismatches(isolated.db, truth))).toBe("exact");
    expect(totals.errors).toBe(0);
    expect(totals.created).toBe(truth.profiles.size + truth.jumio.size + truth.trustx.size);
  });

  it("the reference reads every quirky spelling as its normal one (same seed, quirks off)", async () => {
    const normal = await startTestSandbox({ profiles: 60, seed: 11 });
    try {
      const [quirky, plain] = [(await readTruth(sb.env)).expected, (await readTruth(normal.env)).expected];
      // The raw JSON differs by design; so do J4/J5 steps and rules, which quirks mode sends without
      // names and with step times to the second (sandbox README): the one loss it allows.
      const strip = (rows: Map<string, Record<string, unknown>>) =>
        [...rows].map(([key, { raw: _raw, stored: _stored, ...rest }]) => [key, rest]);
      expect(strip(quirky.profiles)).toEqual(strip(plain.profiles));
      expect(strip(quirky.executions)).toEqual(strip(plain.executions));
      // Stored parts (credentials, capabilities, user data) too, with each sandbox's base URL in hrefs as one.
      const parts = (rows: Map<string, Record<string, unknown>>, base: string) =>
        JSON.parse(
          JSON.stringify(
            [...rows].map(([key, row]) => {
              const { steps: _steps, rules: _rules, ...rest } = (row.stored ?? {}) as Record<string, unknown>;
              return [key, rest];
            }),
          ).replaceAll(base, "S"),
        ) as unknown;
      expect(parts(quirky.executions, sb.sandbox.url)).toEqual(parts(plain.executions, normal.sandbox.url));
      expect([...quirky.workflows]).toEqual([...plain.workflows]);
      for (const table of Object.keys(plain.children) as (keyof typeof plain.children)[]) {
        expect([...quirky.children[table]], table).toEqual([...plain.children[table]]);
      }
    } finally {
      await normal.sandbox.close();
    }
  });

  it("finds nothing changed when run again over the same quirky data", async () => {
    expect(await run("INCREMENTAL")).toMatchObject({ created: 0, updated: 0, errors: 0 });
  });
});
