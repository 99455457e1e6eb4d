import { createHash } from "node:crypto";
import { execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run } from "./processes";

// Rebuild only when the sources changed since the last build made here (git HEAD plus uncommitted edits).
function sourceStamp(): string {
  try {
    const head = execSync("git rev-parse HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString();
    const dirty = execSync("git status --porcelain --untracked-files=all -- app components lib proxy.ts next.config.js package-lock.json", {
      stdio: ["ignore", "pipe", "ignore"],
    }).toString();
    return createHash("sha256").update(head).update(dirty).digest("hex");
  } catch {
    return "no-git";
  }
}

/** Builds the app unless the last build is of these very sources (or `force`). Returns false when the build failed. */
export async function ensureBuilt(options: { env: NodeJS.ProcessEnv; force?: boolean; log: (line: string) => void }): Promise<boolean> {
  const root = process.cwd();
  const stampFile = path.join(root, ".next", "demo-stamp");
  const stamp = sourceStamp();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (built && !options.force) return true;
  options.log("building the app (first start or sources changed; about a minute)…");
  if ((await run("node_modules/.bin/next", ["build"], { env: options.env })) !== 0) return false;
  writeFileSync(stampFile, stamp);
  return true;
}
