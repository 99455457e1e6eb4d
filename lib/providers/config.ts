import type { TProviderEnv } from "@/lib/env";
import {
  JUMIO_SETTINGS,
  settingsFrom,
  TRULIOO_SETTINGS,
  TRUSTX_SETTINGS,
  type TJumioEndpoints,
  type TTruliooEndpoints,
  type TTrustxEndpoints,
} from "./endpoints";

export type TRetryConfig = { timeoutMs: number; maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

export type TTruliooConfig = TRetryConfig & {
  authUrl: string;
  platformUrl: string;
  exportUrl: string;
  clientId: string;
  clientSecret: string;
  /** Unset: the contract's (tests that build a config by hand). */
  endpoints?: TTruliooEndpoints;
};
export type TJumioConfig = TRetryConfig & {
  authUrl: string;
  retrievalUrl: string;
  clientId: string;
  clientSecret: string;
  userAgent: string;
  endpoints?: TJumioEndpoints;
};
export type TTrustxConfig = TRetryConfig & { baseUrl: string; apiKey: string; endpoints?: TTrustxEndpoints };

export type TProviderConfigs = {
  trulioo: TTruliooConfig | null;
  jumio: TJumioConfig | null;
  trustx: TTrustxConfig | null;
};

const JUMIO_REGIONS = { US: "amer-1", EU: "emea-1", SG: "apac-1" } as const;

const trim = (url: string) => url.replace(/\/+$/, "");

/** Which providers are on, and how to reach them. Secrets stay on the server: never pass this to a client component. */
export function providerConfigsFrom(env: TProviderEnv): TProviderConfigs {
  const retry: TRetryConfig = {
    timeoutMs: env.PROVIDER_TIMEOUT_MS,
    maxAttempts: env.PROVIDER_MAX_ATTEMPTS,
    baseDelayMs: env.PROVIDER_RETRY_BASE_MS,
    maxDelayMs: Math.max(env.PROVIDER_RETRY_BASE_MS * 32, 1000),
  };
  const region = JUMIO_REGIONS[env.JUMIO_REGION];
  return {
    trulioo:
      env.TRULIOO_CLIENT_ID && env.TRULIOO_CLIENT_SECRET
        ? {
            ...retry,
            authUrl: trim(env.TRULIOO_AUTH_URL),
            platformUrl: trim(env.TRULIOO_PLATFORM_URL),
            exportUrl: trim(env.TRULIOO_EXPORT_URL),
            clientId: env.TRULIOO_CLIENT_ID,
            clientSecret: env.TRULIOO_CLIENT_SECRET,
            endpoints: settingsFrom(TRULIOO_SETTINGS, env),
          }
        : null,
    jumio:
      env.JUMIO_CLIENT_ID && env.JUMIO_CLIENT_SECRET
        ? {
            ...retry,
            authUrl: trim(env.JUMIO_AUTH_URL ?? `https://auth.${region}.jumio.ai`),
            retrievalUrl: trim(env.JUMIO_RETRIEVAL_URL ?? `https://retrieval.${region}.jumio.ai`),
            clientId: env.JUMIO_CLIENT_ID,
            clientSecret: env.JUMIO_CLIENT_SECRET,
            userAgent: env.JUMIO_USER_AGENT,
            endpoints: settingsFrom(JUMIO_SETTINGS, env),
          }
        : null,
    trustx:
      env.TRUSTX_BASE_URL && env.TRUSTX_API_KEY
        ? { ...retry, baseUrl: trim(env.TRUSTX_BASE_URL), apiKey: env.TRUSTX_API_KEY, endpoints: settingsFrom(TRUSTX_SETTINGS, env) }
        : null,
  };
}
