import { startSandbox } from "../../sandbox/server";
import type { SandboxOptions } from "../../sandbox/config";
import { parseProviderEnv } from "../../lib/env";
import { providerConfigsFrom } from "../../lib/providers/config";
import { JumioClient } from "../../lib/providers/jumio/client";
import { TruliooClient } from "../../lib/providers/trulioo/client";
import { TrustxClient } from "../../lib/providers/trustx/client";
import type { TProviderClients } from "../../lib/providers";
import type { TFetch } from "../../lib/providers/http";
import { nodeFetch } from "../../lib/providers/node-fetch";

/** Quick retries for tests: the same settings the app reads, through the same configuration path. */
// Ten attempts: the fault test scripts six failures in a row for one call, then a 5 % random 5xx rate.
const FAST_RETRY_ENV = { PROVIDER_TIMEOUT_MS: "1500", PROVIDER_MAX_ATTEMPTS: "10", PROVIDER_RETRY_BASE_MS: "5" };

/**
 * Runs before each request the app's clients send, with its URL: a test can count what the app asks
 * for, or change upstream at an exact point of a sync (a fault before page 2 of a list).
 */
export type TRequestHook = (url: URL, method: string) => void | Promise<void>;

/** A sandbox on a free port and clients pointed at it, configured from the variables it prints. */
export async function startTestSandbox(options: SandboxOptions = {}, hooks: { onRequest?: TRequestHook } = {}) {
  const sandbox = await startSandbox({ port: 0, hangMs: 2500, ...options });
  const env = sandbox.env;
  const configs = providerConfigsFrom(parseProviderEnv({ ...env, ...FAST_RETRY_ENV }));
  const onRequest = hooks.onRequest;
  // The clients' own transport, with the hook in front: typed as the clients' override takes it.
  const hooked: TFetch = async (url, init) => {
    await onRequest?.(new URL(url), init.method ?? "GET");
    return nodeFetch(url, init);
  };
  const overrides = onRequest ? { fetch: hooked as unknown as typeof fetch } : {};
  const clients: TProviderClients = {
    trulioo: new TruliooClient(configs.trulioo!, overrides),
    jumio: new JumioClient(configs.jumio!, overrides),
    trustx: new TrustxClient(configs.trustx!, overrides),
  };
  const control = async (path: string, body?: unknown, method = body === undefined ? "GET" : "POST") => {
    const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox control ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  return { sandbox, clients, env, control };
}

type TTestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/**
 * Makes the sandbox's paging-drift fault happen now: arms it and spends it with list calls past the
 * first page of our own. The fault fires only on such calls, which a keyset reader rarely makes, so a
 * test that wants drift at an exact point of a sync calls this from a request hook.
 */
export async function driftNow(sb: TTestSandbox, provider: "trulioo" | "trustx", mode: "grow" | "shift", count = 1): Promise<void> {
  const { truliooToken, trustxToken } = await import("./independent-truth/upstream");
  await sb.control("/faults", { provider, pagingDrift: { count, mode } });
  const env = sb.env;
  const [url, token] =
    provider === "trulioo"
      ? [`${env.TRULIOO_EXPORT_URL}/v2/query/clients?page=1&limit=50`, await truliooToken(env)]
      : [`${env.TRUSTX_BASE_URL}/api/process-manager/processInstances?page=1&size=1`, await trustxToken(env)];
  // Other faults may be armed too; they answer before the route, so a refused call spent no drift.
  for (let spent = 0, tries = 0; spent < count; tries += 1) {
    if (tries > count + 20) throw new Error("could not spend the drift fault");
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
    if (res?.ok) spent += 1;
  }
}

/** Drift charges the sandbox has spent on that provider since it started. */
export async function driftFired(sb: TTestSandbox, provider: "trulioo" | "jumio" | "trustx"): Promise<number> {
  const stats = (await sb.control("/stats")) as { counters: Record<string, Record<string, number>> };
  return stats.counters.faults?.[`${provider}.pagingDrift`] ?? 0;
}
