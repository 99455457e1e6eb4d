import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureBuilt } from "./lib/build";
import { prepareDatabase } from "./lib/database";
import { freePort, portIsFree } from "./lib/embedded-postgres";
import { run, startProcess, stopProcess, waitForHttp, type TManaged } from "./lib/processes";
import { startSandboxProcess } from "./lib/sandbox-process";

// Any provider credential in the environment means real services: then no sandbox is started.
const REAL_PROVIDER_KEYS = ["TRULIOO_CLIENT_ID", "JUMIO_CLIENT_ID", "TRUSTX_API_KEY"];

const root = process.cwd();
const dataDir = path.join(root, ".data");
const log = (line: string) => console.log(`[demo] ${line}`);

function secret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const children: TManaged[] = [];
  let stopping = false;
  const db = await prepareDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: path.join(dataDir, "postgres"),
    database: "compliance_desk",
    persistent: true,
    log,
  });

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    for (const child of children.reverse()) await stopProcess(child);
    await db.embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const port = Number(process.env.PORT) || ((await portIsFree(3000)) ? 3000 : await freePort());
  const host = process.env.HOST ?? "127.0.0.1";
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  let env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: secret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url };

  const useSandbox = !REAL_PROVIDER_KEYS.some((key) => process.env[key]);
  if (useSandbox) {
    const sandbox = await startSandboxProcess({
      ...process.env,
      SANDBOX_PORT: process.env.SANDBOX_PORT ?? String(await freePort()),
      SANDBOX_PROFILES: process.env.SANDBOX_PROFILES ?? "200",
      SANDBOX_TRULIOO_WEBHOOK_URL: `${url}/api/webhooks/trulioo`,
      SANDBOX_JUMIO_CALLBACK_URL: `${url}/api/webhooks/jumio`,
      // Live changes every few seconds, so webhooks and the sync page have something to show.
      SANDBOX_ACTIVITY_INTERVAL_MS: process.env.SANDBOX_ACTIVITY_INTERVAL_MS ?? "20000",
      SANDBOX_HANDSHAKE_INTERVAL_MS: process.env.SANDBOX_HANDSHAKE_INTERVAL_MS ?? "5000",
    });
    children.push(sandbox.managed);
    env = { ...env, ...sandbox.appEnv };
    log(`provider sandbox at ${sandbox.appEnv.TRUSTX_BASE_URL?.replace(/\/trustx$/, "")}`);
  } else {
    log("provider credentials found in the environment: using the real services, no sandbox");
  }

  const seed = await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/seed.ts"], { env });
  if (seed !== 0) return shutdown(1);

  if (!(await ensureBuilt({ env, force: process.env.DEMO_REBUILD === "1", log }))) return shutdown(1);

  log("first sync from the providers…");
  await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/sync.ts"], { env });

  const worker = startProcess("worker", process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], { env });
  children.push(worker);

  const app = startProcess("app", "node_modules/.bin/tsx", ["--conditions=react-server", "scripts/serve.ts", "-p", String(port), "-H", host], { env: { ...env, NODE_ENV: "production" } });
  children.push(app);
  app.child.on("exit", (code) => {
    if (!stopping) {
      log(`the app stopped (exit ${code}); shutting down`);
      void shutdown(1);
    }
  });
  await waitForHttp(`${url}/api/health`, 60_000, () => app.child.exitCode === null);

  const { DEMO_USERS } = await import("../lib/users/demo-users");
  console.log(`
  Compliance Desk is running at ${url}

  Sign in as:`);
  for (const user of DEMO_USERS) console.log(`    ${user.role.padEnd(8)} ${user.email.padEnd(32)} ${user.password}`);
  console.log(`
  Data: ${process.env.DATABASE_URL ? "DATABASE_URL" : ".data/postgres (kept between runs)"}
  Press Ctrl-C to stop.
`);
}

main().catch((error) => {
  console.error("[demo] failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
