// `npm run demo`: installs dependencies when node_modules is missing, then hands over to demo.ts.
import { existsSync } from "node:fs";
import { spawnSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

if (!existsSync(path.join(root, "node_modules", ".bin", "next"))) {
  console.log("node_modules is missing: running npm install (one time)…");
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const child = spawn(
  path.join(root, "node_modules", ".bin", "tsx"),
  ["--conditions=react-server", "scripts/demo.ts", ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" } },
);
// Ctrl-C reaches the whole process group; demo.ts does the orderly shutdown and exits.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
