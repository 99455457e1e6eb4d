import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export type TManaged = { name: string; child: ChildProcess };

/** Starts a child whose output is prefixed with its name, so the demo's console stays readable. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions = {},
  output: { quiet?: (line: string) => boolean } = {},
): TManaged {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter((line) => line.trim() !== "" && !output.quiet?.(line))
      .map((line) => `[${name}] ${line}`)
      .join("\n");
  const print = (write: (text: string) => void) => (chunk: Buffer) => {
    const text = prefix(chunk);
    if (text) write(text);
  };
  child.stdout?.on("data", print((t) => console.log(t)));
  child.stderr?.on("data", print((t) => console.error(t)));
  return { name, child };
}

export async function stopProcess(managed: TManaged, graceMs = 5000): Promise<void> {
  const { child } = managed;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`process stopped before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}
