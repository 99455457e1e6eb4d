import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../lib/db/migrate";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, type TEmbeddedPostgres } from "./lib/embedded-postgres";
import { run, startProcess, stopProcess, type TManaged } from "./lib/processes";
import { startSandboxProcess } from "./lib/sandbox-process";
import { ensureChromium } from "./lib/chromium";

// Every run gets a database of its own: on DATABASE_URL's server when set, else on an embedded
// PostgreSQL started for this run. Unit and integration tests (vitest), then a production build and
// the Playwright journeys in headless Chromium against it.

const log = (line: string) => console.log(`[test] ${line}`);
// `npm test -- e2e -- e2e/x.spec.ts`: stages before a lone "--", Playwright's own arguments after it.
const split = process.argv.indexOf("--", 2);
const only = new Set(process.argv.slice(2, split === -1 ? undefined : split));
const playwrightArgs = split === -1 ? [] : process.argv.slice(split + 1);
const wants = (stage: string) => only.size === 0 || only.has(stage);

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

async function main(): Promise<number> {
  if (wants("e2e") && !(await ensureChromium(log))) return 1;
  const work = mkdtempSync(path.join(os.tmpdir(), "cd-test-"));
  // One database per stage: integration tests change users freely, the browser journeys need the
  // seeded world exactly as seeded.
  const stamp = `${Date.now()}_${randomBytes(3).toString("hex")}`;
  const databases = { vitest: `cd_test_${stamp}_it`, e2e: `cd_test_${stamp}_e2e` };
  let embedded: TEmbeddedPostgres | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), persistent: false });
    adminUrl = embedded.urlFor("postgres");
    log(`embedded PostgreSQL on port ${embedded.port}`);
  } else {
    log(`PostgreSQL from DATABASE_URL (${new URL(adminUrl).host})`);
  }
  const server = adminUrl;
  const freshDatabase = async (name: string) => {
    await ensureDatabase(server, name);
    const url = withDatabase(server, name);
    await applyMigrations(url);
    log(`fresh database ${name}, migrated`);
    return url;
  };
  const envFor = (url: string): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: url,
    TEST_DATABASE_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  });
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  };
  let exit = 0;

  try {
    if (wants("vitest")) {
      const env = envFor(await freshDatabase(databases.vitest));
      const report = path.join(work, "vitest.json");
      const code = await run("node_modules/.bin/vitest", ["run"], { env: { ...env, VITEST_JSON: report } });
      add(vitestCounts(report));
      if (code !== 0) exit = 1;
    }
    if (wants("e2e")) {
      // The journeys run against the whole system: the app, a worker, and the provider sandbox that
      // sends its webhooks to the app.
      const appUrl = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
      const sandbox = await startSandboxProcess({
        ...process.env,
        SANDBOX_PORT: "0",
        SANDBOX_PROFILES: "40",
        SANDBOX_TRULIOO_WEBHOOK_URL: `${appUrl}/api/webhooks/trulioo`,
        SANDBOX_JUMIO_CALLBACK_URL: `${appUrl}/api/webhooks/jumio`,
        SANDBOX_HANDSHAKE_INTERVAL_MS: "1000",
        SANDBOX_WEBHOOK_RETRY_SCALE: "0.2",
      });
      const env = { ...envFor(await freshDatabase(databases.e2e)), ...sandbox.appEnv, SYNC_INTERVAL_MINUTES: "0" };
      let worker: TManaged | null = null;
      try {
        const seeded = await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/seed.ts"], { env });
        const synced = seeded === 0 && (await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/sync.ts"], { env })) === 0;
        const built = synced && (await run("node_modules/.bin/next", ["build"], { env })) === 0;
        if (!built) {
          log("seeding, the first sync or the build failed: end-to-end tests not run");
          add({ passed: 0, failed: 1, skipped: 0 });
          exit = 1;
        } else {
          worker = startProcess("worker", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { env });
          const report = path.join(work, "playwright.json");
          const code = await run("node_modules/.bin/playwright", ["test", ...playwrightArgs], { env: { ...env, PLAYWRIGHT_JSON: report } });
          add(playwrightCounts(report));
          if (code !== 0) exit = 1;
        }
      } finally {
        if (worker) await stopProcess(worker);
        await stopProcess(sandbox.managed);
      }
    }
  } finally {
    for (const name of Object.values(databases)) {
      await dropDatabase(server, name).catch((error) => log(`could not drop ${name}: ${String(error)}`));
    }
    await embedded?.stop();
    rmSync(work, { recursive: true, force: true });
  }
  if (totals.failed > 0) exit = 1;
  console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return exit;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("[test] failed to run:", error);
    process.exit(1);
  },
);
