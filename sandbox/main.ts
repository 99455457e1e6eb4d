// CLI entry: `npx tsx sandbox/main.ts`. Prints the app's environment, then SANDBOX READY.
import { optionsFromEnv } from "./config";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  const sandbox = await startSandbox(optionsFromEnv(process.env));
  for (const [key, value] of Object.entries(sandbox.env)) console.log(`${key}=${value}`);
  console.log(`SANDBOX READY ${sandbox.url}`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`sandbox failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
