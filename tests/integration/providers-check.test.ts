import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseProviderEnv } from "../../lib/env";
import { providerConfigsFrom } from "../../lib/providers/config";
import { checkProviders, type TCheckReport } from "../../lib/providers/check";
import { runConnectionCheck } from "../../lib/providers/check/run-check";
import { createIsolatedDatabase } from "../support/db";
import { actionContextFor } from "../support/synced-world";
import { startTestSandbox } from "../support/sandbox";

// The go-live check (lib/providers/check) against the sandbox, which serves the contract: every read is
// reached and accepted; a path the service moved is the one call that fails, until its variable follows it.

const ALL_CALLS = ["§1.1", "E1", "E2", "E3", "E4", "§2.1", "J1", "J2", "J3", "J4", "J5", "J6", "J7", "J7", "§3.1", "X5", "X6", "X3", "X4", "X7"];

type TSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

const check = (sb: TSandbox, vars: Record<string, string> = {}) => checkProviders(providerConfigsFrom(parseProviderEnv({ ...sb.env, ...vars })), { callTimeoutMs: 5000 });

const byOutcome = (report: TCheckReport) => report.results.map((r) => `${r.ref} ${r.outcome}`);

function expectAllAccepted(report: TCheckReport) {
  expect(report.results.map((r) => r.ref)).toEqual(ALL_CALLS);
  expect(byOutcome(report)).toEqual(ALL_CALLS.map((ref) => `${ref} accepted`));
  for (const r of report.results) {
    expect(r.reached, r.ref).toBe(true);
    expect(r.status, r.ref).toBe(200);
    expect(r.issues, r.ref).toEqual([]);
  }
  expect(report.ok).toBe(true);
}

describe("npm run providers:check against the sandbox", () => {
  let sb: TSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 40, seed: 7 });
  });
  afterAll(async () => {
    await sb?.sandbox.close();
  });

  it("reaches every read the app makes and the app's schemas accept every answer, printing no secret", async () => {
    const report = await check(sb);
    expectAllAccepted(report);
    expect(report.durationMs).toBeLessThan(20_000);
    const text = JSON.stringify(report);
    for (const key of ["TRULIOO_CLIENT_SECRET", "JUMIO_CLIENT_SECRET", "TRUSTX_API_KEY", "TRULIOO_CLIENT_ID", "JUMIO_CLIENT_ID"]) expect(text).not.toContain(sb.env[key]!);
    // The sandbox's token answers carry fields our token schemas never read: reported, not failed.
    expect(report.results.find((r) => r.ref === "§1.1")!.unknownFields).toEqual(["scope", "token_type"]);
    const stats = await sb.control("/stats");
    // Reads only: a write would have copied its record into the sandbox's overlays.
    expect(stats.overlays).toEqual({ truliooProfiles: 0, uploads: 0, jumioExecutions: 0, trustxInstances: 0 });
  });

  it("names the one call whose configured path the service does not have (404), and every other stays accepted", async () => {
    const report = await check(sb, { JUMIO_RULES_PATH: "/accounts/{accountId}/workflow-executions/{executionId}/rule-results" });
    const j5 = report.results.find((r) => r.ref === "J5")!;
    expect(j5).toMatchObject({ outcome: "failed", reached: true, status: 404, path: "/api/v1/accounts/{accountId}/workflow-executions/{executionId}/rule-results" });
    expect(byOutcome(report)).toEqual(ALL_CALLS.map((ref) => `${ref} ${ref === "J5" ? "failed" : "accepted"}`));
    expect(report.ok).toBe(false);
  });

  it("reports a refused credential once, skips that provider's calls for want of a token, and checks the others", async () => {
    const report = await check(sb, { TRUSTX_API_KEY: "not-the-key", TRULIOO_CLIENT_ID: "" });
    const trustx = report.results.filter((r) => r.provider === "trustx");
    expect(trustx[0]).toMatchObject({ ref: "§3.1", outcome: "failed", reached: true, status: 401 });
    expect(trustx.slice(1).map((r) => [r.ref, r.outcome, r.note])).toEqual(["X5", "X6", "X3", "X4", "X7"].map((ref) => [ref, "skipped", "no token"]));
    expect(report.results.filter((r) => r.provider === "trulioo")).toEqual([expect.objectContaining({ outcome: "not_configured", note: "not configured (no credentials)" })]);
    expect(report.results.filter((r) => r.provider === "jumio").every((r) => r.outcome === "accepted")).toBe(true);
    expect(JSON.stringify(report)).not.toContain("not-the-key");
    expect(report.ok).toBe(false);
  });

  it("as an admin runs it from /sync: one audit row with the counts and the calls not accepted, nothing of the answers", async () => {
    const isolated = await createIsolatedDatabase("providers_check");
    try {
      const ctx = await actionContextFor(isolated.db, "ADMIN", "Ada Check");
      const configs = providerConfigsFrom(parseProviderEnv({ ...sb.env, TRUSTX_USERDATA_PATH: "/userdata/{processDefnId}/{instanceId}" }));
      const report = await runConnectionCheck(ctx, configs, { callTimeoutMs: 5000 });
      expect(report.ok).toBe(false);
      const rows = await isolated.db.auditEvent.findMany({ where: { action: "providers.check" } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorId: ctx.user.id, outcome: "SUCCESS", targetType: null });
      expect(rows[0]!.details).toEqual({ ok: false, counts: { ...report.counts, failed: 1 }, notAccepted: ["trustx X7"] });
    } finally {
      await isolated.drop();
    }
  });

  it("stays within its time budget when a provider is slow, saying which calls it had no time for", async () => {
    await sb.control("/faults", { provider: "trustx", latencyMs: 700 });
    try {
      const started = Date.now();
      const report = await checkProviders(providerConfigsFrom(parseProviderEnv(sb.env)), { budgetMs: 1500, callTimeoutMs: 5000 });
      expect(Date.now() - started).toBeLessThan(1500 + 2 * 700 + 1000);
      const trustx = report.results.filter((r) => r.provider === "trustx");
      expect(trustx.some((r) => r.outcome === "skipped" && r.note === "the check ran out of time")).toBe(true);
      expect(report.results.filter((r) => r.provider === "jumio").every((r) => r.outcome === "accepted")).toBe(true);
    } finally {
      await sb.control("/faults", undefined, "DELETE");
    }
  });
});

// Sandbox movedPaths: the route is served only at its new path, the old one answers the provider's 404.
const MOVES: { ref: string; route: string; to: string; variable: Record<string, string>; skipped?: string[] }[] = [
  {
    ref: "X6",
    route: "trustx GET /api/process-manager/processInstances/search",
    to: "/api/process-manager/v2/processInstances/search",
    variable: { TRUSTX_SEARCH_PATH: "/api/process-manager/v2/processInstances/search" },
  },
  {
    // Instances in REVIEW or COMPLETED_* have user data, so a 404 for them is no "no data yet".
    ref: "X7",
    route: "trustx GET /api/userdata-server/processDefinitions/:defnId/processInstances/:id/userdata",
    to: "/api/userdata-server/v2/definitions/:defnId/instances/:id",
    variable: { TRUSTX_USERDATA_PATH: "/api/userdata-server/v2/definitions/{processDefnId}/instances/{instanceId}" },
  },
  {
    ref: "E3",
    route: "trulioo GET /v2/query/client/:clientId",
    to: "/v3/clients/:clientId",
    variable: { TRULIOO_CLIENT_PATH: "/v3/clients/{clientId}" },
    // E4 looks for a file key in what E3 answered.
    skipped: ["E4"],
  },
];

describe("the check against a service that moved a path", () => {
  for (const move of MOVES) {
    it(`${move.ref}: exactly that call fails (404) until its variable names the new path`, async () => {
      const sb = await startTestSandbox({ profiles: 40, seed: 7, movedPaths: { [move.route]: move.to } });
      try {
        const before = await check(sb);
        const expected = (ref: string) => (ref === move.ref ? "failed" : move.skipped?.includes(ref) ? "skipped" : "accepted");
        expect(byOutcome(before)).toEqual(ALL_CALLS.map((ref) => `${ref} ${expected(ref)}`));
        expect(before.results.find((r) => r.ref === move.ref)).toMatchObject({ reached: true, status: 404, note: expect.stringMatching(/^HTTP 404/) });
        expect(before.ok).toBe(false);

        expectAllAccepted(await check(sb, move.variable));
      } finally {
        await sb.sandbox.close();
      }
    });
  }
});

describe("the check against a sandbox in quirks mode", () => {
  // Quirks mode sends, for a hashed half of the records, the other representations a real service may use
  // (explicit nulls, other time units, createdDtm, pages without `last`, storage redirects): once the
  // app's schemas tolerate them, the go-live check must see no difference.
  it("accepts every answer", async () => {
    const sb = await startTestSandbox({ profiles: 40, seed: 7, quirks: true });
    try {
      const report = await check(sb);
      expect(report.results.filter((r) => r.outcome !== "accepted").map((r) => ({ ref: r.ref, status: r.status, issues: r.issues, note: r.note }))).toEqual([]);
      expectAllAccepted(report);
    } finally {
      await sb.sandbox.close();
    }
  });
});
