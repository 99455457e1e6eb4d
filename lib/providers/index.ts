import "server-only";
import { getWorkerEnv } from "@/lib/env";
import { providerConfigsFrom } from "./config";
import { ProviderDisabledError, type TProviderName } from "./errors";
import { JumioClient } from "./jumio/client";
import { TruliooClient } from "./trulioo/client";
import { TrustxClient } from "./trustx/client";

export type TProviderClients = { trulioo: TruliooClient | null; jumio: JumioClient | null; trustx: TrustxClient | null };

let cached: TProviderClients | undefined;

/** One client per configured provider (null when its credentials are missing: that provider is off). */
export function getProviderClients(): TProviderClients {
  if (cached) return cached;
  const configs = providerConfigsFrom(getWorkerEnv());
  cached = {
    trulioo: configs.trulioo ? new TruliooClient(configs.trulioo) : null,
    jumio: configs.jumio ? new JumioClient(configs.jumio) : null,
    trustx: configs.trustx ? new TrustxClient(configs.trustx) : null,
  };
  return cached;
}

export function requireProvider<K extends TProviderName>(name: K): NonNullable<TProviderClients[K]> {
  const client = getProviderClients()[name];
  if (!client) throw new ProviderDisabledError(name);
  return client as NonNullable<TProviderClients[K]>;
}

/** Which providers are on: safe to show in the UI (no URLs, no secrets). */
export function getProviderStatus(): Record<TProviderName, boolean> {
  const clients = getProviderClients();
  return { trulioo: clients.trulioo !== null, jumio: clients.jumio !== null, trustx: clients.trustx !== null };
}
