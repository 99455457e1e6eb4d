import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../main.ts", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

describe("CLI (sandbox/main.ts)", () => {
  it("prints the app's environment and SANDBOX READY, honouring SANDBOX_* variables", async () => {
    const child = spawn(process.execPath, [tsxCli, main], {
      env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_PROFILES: "25", SANDBOX_SEED: "7", SANDBOX_TRUSTX_API_KEY: "k-123" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let buf = "";
        const timer = setTimeout(() => reject(new Error(`no SANDBOX READY in: ${buf}`)), 20_000);
        child.stdout.on("data", (chunk: Buffer) => {
          buf += chunk.toString();
          if (/SANDBOX READY \S+\n/.test(buf)) {
            clearTimeout(timer);
            resolve(buf);
          }
        });
        child.on("exit", (code) => reject(new Error(`exited with ${code}: ${buf}`)));
      });
      const lines = out.trim().split("\n");
      const env = Object.fromEntries(lines.filter((l) => l.includes("=")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
      const base = /SANDBOX READY (\S+)/.exec(out)?.[1] ?? "";
      expect(lines.at(-1)).toBe(`SANDBOX READY ${base}`);
      for (const key of ["TRULIOO_AUTH_URL", "TRULIOO_PLATFORM_URL", "TRULIOO_EXPORT_URL", "JUMIO_AUTH_URL", "JUMIO_RETRIEVAL_URL", "TRUSTX_BASE_URL", "TRULIOO_CLIENT_ID", "TRULIOO_CLIENT_SECRET", "TRULIOO_WEBHOOK_TOKEN", "TRULIOO_WEBHOOK_SECRET", "JUMIO_CLIENT_ID", "JUMIO_CLIENT_SECRET", "JUMIO_CALLBACK_TOKEN", "TRUSTX_API_KEY"]) {
        expect(env[key], key).toBeTruthy();
      }
      expect(env.TRULIOO_EXPORT_URL).toBe(`${base}/trulioo/wfs/export`);
      expect(env.TRUSTX_API_KEY).toBe("k-123");
      const stats = (await (await fetch(`${base}/_sandbox/stats`)).json()) as { data: { profiles: number; seed: number } };
      expect(stats.data).toMatchObject({ profiles: 25, seed: 7 });
    } finally {
      child.kill("SIGTERM");
    }
  }, 30_000);
});
