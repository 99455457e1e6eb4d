// The environment the app needs to talk to this sandbox (contract §0.1).
import type { SandboxConfig } from "./config";

export function sandboxEnv(baseUrl: string, cfg: SandboxConfig): Record<string, string> {
  const c = cfg.credentials;
  return {
    TRULIOO_AUTH_URL: `${baseUrl}/trulioo/auth`,
    TRULIOO_PLATFORM_URL: `${baseUrl}/trulioo/wfs/interpreter-v2`,
    TRULIOO_EXPORT_URL: `${baseUrl}/trulioo/wfs/export`,
    JUMIO_AUTH_URL: `${baseUrl}/jumio/auth`,
    JUMIO_RETRIEVAL_URL: `${baseUrl}/jumio/retrieval`,
    TRUSTX_BASE_URL: `${baseUrl}/trustx`,
    TRULIOO_CLIENT_ID: c.truliooClientId,
    TRULIOO_CLIENT_SECRET: c.truliooClientSecret,
    TRULIOO_WEBHOOK_TOKEN: c.truliooWebhookToken,
    TRULIOO_WEBHOOK_SECRET: c.truliooWebhookSecret,
    JUMIO_CLIENT_ID: c.jumioClientId,
    JUMIO_CLIENT_SECRET: c.jumioClientSecret,
    JUMIO_CALLBACK_TOKEN: c.jumioCallbackToken,
    TRUSTX_API_KEY: c.trustxApiKey,
  };
}
