import { startSandbox } from "../../sandbox/server";
import type { SandboxOptions } from "../../sandbox/config";
import { JumioClient } from "../../lib/providers/jumio/client";
import { TruliooClient } from "../../lib/providers/trulioo/client";
import { TrustxClient } from "../../lib/providers/trustx/client";
import type { TProviderClients } from "../../lib/providers";

export const FAST_RETRY = { timeoutMs: 1500, maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 100 };

/** A sandbox on a free port and clients pointed at it, with quick retries for tests. */
export async function startTestSandbox(options: SandboxOptions = {}) {
  const sandbox = await startSandbox({ port: 0, hangMs: 2500, ...options });
  const env = sandbox.env;
  const clients: TProviderClients = {
    trulioo: new TruliooClient({
      ...FAST_RETRY,
      authUrl: env.TRULIOO_AUTH_URL!,
      platformUrl: env.TRULIOO_PLATFORM_URL!,
      exportUrl: env.TRULIOO_EXPORT_URL!,
      clientId: env.TRULIOO_CLIENT_ID!,
      clientSecret: env.TRULIOO_CLIENT_SECRET!,
    }),
    jumio: new JumioClient({
      ...FAST_RETRY,
      authUrl: env.JUMIO_AUTH_URL!,
      retrievalUrl: env.JUMIO_RETRIEVAL_URL!,
      clientId: env.JUMIO_CLIENT_ID!,
      clientSecret: env.JUMIO_CLIENT_SECRET!,
      userAgent: "ComplianceDesk/1.0",
    }),
    trustx: new TrustxClient({ ...FAST_RETRY, baseUrl: env.TRUSTX_BASE_URL!, apiKey: env.TRUSTX_API_KEY! }),
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
