import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseProviderEnv } from "../../lib/env";
import { providerConfigsFrom } from "../../lib/providers/config";
import { TruliooClient } from "../../lib/providers/trulioo/client";
import { createSyncRun, executeSyncRun } from "../../lib/sync/run-sync";
import { createIsolatedDatabase } from "../support/db";
import { startTestSandbox } from "../support/sandbox";

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

// One stage's failure is that stage's (issue 18): the others run to their end, and the run names it.
describe("a sync whose stages fail one at a time", () => {
  let sb: Sandbox;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let upstream: { profiles: number; jumio: number; trustx: number };

  const counts = async () => ({
    profiles: await isolated.db.profile.count(),
    jumio: await isolated.db.execution.count({ where: { provider: "JUMIO" } }),
    trustx: await isolated.db.execution.count({ where: { provider: "TRUSTX" } }),
    workflows: await isolated.db.workflow.count(),
  });
  const run = async (clients = sb.clients) => {
    const runId = await createSyncRun(isolated.db, "FULL", "test");
    const result = await executeSyncRun(isolated, clients, isolated.url, runId, { concurrency: 4, batchSize: 10 });
    return { result, row: await isolated.db.syncRun.findUniqueOrThrow({ where: { id: runId } }) };
  };

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 30, seed: 18 });
    isolated = await createIsolatedDatabase("stages");
    const stats = (await sb.control("/stats")) as { data: { profiles: number; jumioExecutions: number; trustxInstances: number } };
    upstream = { profiles: stats.data.profiles, jumio: stats.data.jumioExecutions, trustx: stats.data.trustxInstances };
  });
  afterAll(async () => {
    await sb?.sandbox.close();
    await isolated?.drop();
  });
  beforeEach(async () => {
    await sb.control("/reset", {});
    await isolated.db.$executeRawUnsafe("TRUNCATE profiles, executions, workflows, sync_cursors, sync_errors, sync_runs CASCADE");
  });

  it("Jumio down: Trulioo and TrustX are copied in full, the run fails naming the Jumio stage; the next run completes it", async () => {
    await sb.control("/faults", { provider: "jumio", next500: 100_000 });
    const { result, row } = await run();
    expect(result.state).toBe("FAILED");
    expect(row.failure).toMatch(/^Jumio executions failed: Jumio failed \(HTTP 500\)/);
    expect(row.failure).not.toMatch(/Trulioo|TrustX/);
    expect(row.stage).toBe("jumio.executions");
    expect(await counts()).toMatchObject({ profiles: upstream.profiles, jumio: 0, trustx: upstream.trustx });

    await sb.control("/faults", undefined, "DELETE");
    const again = await run();
    expect(again.result.state).toBe("SUCCEEDED");
    expect(await counts()).toMatchObject({ profiles: upstream.profiles, jumio: upstream.jumio, trustx: upstream.trustx });
  }, 60_000);

  it("a failing workflows read does not stop the profiles, nor the other providers", async () => {
    const config = providerConfigsFrom(parseProviderEnv({ ...sb.env, PROVIDER_MAX_ATTEMPTS: "2", PROVIDER_RETRY_BASE_MS: "1" })).trulioo!;
    const failingWorkflows: typeof fetch = async (input, init) =>
      String(input).includes("/v2/query/workflows") ? new Response(JSON.stringify({ code: 5000 }), { status: 500 }) : fetch(input, init);
    const trulioo = new TruliooClient(config, { fetch: failingWorkflows });
    const { result, row } = await run({ ...sb.clients, trulioo });
    expect(result.state).toBe("FAILED");
    expect(row.failure).toMatch(/^Trulioo workflows failed: Trulioo 5000/);
    expect(await counts()).toEqual({ profiles: upstream.profiles, jumio: upstream.jumio, trustx: upstream.trustx, workflows: 0 });
  }, 60_000);

  it("two providers down: both named, the third copied", async () => {
    await sb.control("/faults", [{ provider: "trulioo", next503: 100_000 }, { provider: "trustx", next500: 100_000 }]);
    const { result, row } = await run();
    expect(result.state).toBe("FAILED");
    expect(row.failure).toMatch(/Trulioo workflows failed: .*Trulioo profiles failed: .*TrustX instances failed: /);
    expect(row.stage).toBe("trulioo.workflows, trulioo.profiles, trustx.instances");
    expect(await counts()).toMatchObject({ profiles: 0, jumio: upstream.jumio, trustx: 0 });
  }, 60_000);
});
