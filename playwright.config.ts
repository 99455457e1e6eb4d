import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium (never a Playwright browser download: there is no internet here).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The app's output, which e2e/security.spec.ts reads to check that request values cannot forge log lines.
export const APP_LOG_FILE = path.resolve("test-results", `app-${port}.log`);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // CI shares two cores between the app, the worker, the sandbox, PostgreSQL and two browsers.
  timeout: process.env.CI ? 60_000 : 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON
    ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]]
    : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } }, dependencies: ["setup"] },
  ],
  webServer: {
    // The app's own front (scripts/serve.ts), as in production: forwarded headers, request ids, body limits.
    command: `node_modules/.bin/tsx --conditions=react-server scripts/serve.ts -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { NEXTAUTH_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", APP_LOG_FILE: APP_LOG_FILE },
  },
});
