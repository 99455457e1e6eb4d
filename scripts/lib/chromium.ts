import { existsSync } from "node:fs";
import { run } from "./processes";

// Playwright never downloads a browser here (no internet): it drives Debian's Chromium. A machine
// without it gets it installed when we may (root with apt-get, as .ci/run does), or the one command
// to run, before any test starts, instead of "executable doesn't exist" minutes later.
export async function ensureChromium(log: (line: string) => void): Promise<boolean> {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return true;
  if (process.env.CHROMIUM_PATH) {
    log(`CHROMIUM_PATH=${path} does not exist: point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium.`);
    return false;
  }
  const root = process.getuid?.() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    log("Chromium is missing: installing Debian's chromium with apt-get (once per machine)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const updated = (await run("apt-get", ["update", "-qq"], { env })) === 0;
    if (updated && (await run("apt-get", ["install", "-y", "-qq", "chromium"], { env })) === 0 && existsSync(path)) return true;
    log("apt-get could not install chromium; see its output above.");
    return false;
  }
  log(`Chromium is missing at ${path}. Install it, then run npm test again:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n`);
  return false;
}
