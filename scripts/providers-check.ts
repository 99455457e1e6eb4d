import { getProviderEnv } from "../lib/env";
import { providerConfigsFrom } from "../lib/providers/config";
import { checkProviders } from "../lib/providers/check";
import { formatReport } from "../lib/providers/check/format";

// `npm run providers:check [-- --json]`: every read the app makes of each configured provider, once,
// against the service itself (no writes). Exit 0 when every call that ran was accepted, 1 otherwise.
// It reads the provider variables exactly as the app does; a bad one stops it with the variable's name.
const json = process.argv.includes("--json");

let configs;
try {
  // The providers' variables alone: the check needs no database, so it also runs before one exists.
  configs = providerConfigsFrom(getProviderEnv());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const report = await checkProviders(configs);
console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
process.exit(report.ok ? 0 : 1);
