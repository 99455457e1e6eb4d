import { startProcess, type TManaged } from "./processes";

/**
 * Starts the provider sandbox as a child process and collects the KEY=value lines it prints for the
 * app (provider URLs and credentials) until it says SANDBOX READY.
 */
export async function startSandboxProcess(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<{ managed: TManaged; appEnv: Record<string, string> }> {
  const managed = startProcess("sandbox", process.execPath, ["--import", "tsx", "sandbox/main.ts"], { env }, { quiet: (line) => /^[A-Z_]+=/.test(line) });
  const appEnv: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the sandbox did not start in time")), timeoutMs);
    let buffered = "";
    managed.child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
        if (match) appEnv[match[1]!] = match[2]!;
        if (line.startsWith("SANDBOX READY")) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    managed.child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code})`));
    });
  });
  return { managed, appEnv };
}
