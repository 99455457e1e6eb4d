import { z } from "zod";
import { ENDPOINT_ENV } from "./providers/endpoints";

const optionalUrl = z.string().url().optional();
const optionalText = z.string().min(1).optional();

// Provider connections (contract §0.1). A provider whose credentials are missing is simply off.
const PROVIDER_ENV = {
  TRULIOO_AUTH_URL: z.string().url().default("https://auth-api.trulioo.com"),
  TRULIOO_PLATFORM_URL: z.string().url().default("https://api.trulioo.com/wfs/interpreter-v2"),
  TRULIOO_EXPORT_URL: z.string().url().default("https://api.trulioo.com/wfs/export"),
  TRULIOO_CLIENT_ID: optionalText,
  TRULIOO_CLIENT_SECRET: optionalText,
  TRULIOO_WEBHOOK_TOKEN: optionalText,
  TRULIOO_WEBHOOK_SECRET: optionalText,
  JUMIO_REGION: z.enum(["US", "EU", "SG"]).default("US"),
  JUMIO_AUTH_URL: optionalUrl,
  JUMIO_RETRIEVAL_URL: optionalUrl,
  JUMIO_CLIENT_ID: optionalText,
  JUMIO_CLIENT_SECRET: optionalText,
  JUMIO_CALLBACK_TOKEN: optionalText,
  JUMIO_USER_AGENT: z.string().min(3).default("ComplianceDesk/1.0"),
  TRUSTX_BASE_URL: optionalUrl,
  TRUSTX_API_KEY: optionalText,
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  PROVIDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  PROVIDER_RETRY_BASE_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(59).default(5),
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(128).default(16),
  SYNC_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(1000),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(128).default(16),
  // Chunks of a bulk status change in flight at once (each chunk is one upstream call of ≤ 100 ids).
  BULK_STATUS_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  // The contract's [decided] paths and parameters, one variable each (lib/providers/endpoints.ts, README).
  ...ENDPOINT_ENV,
};

// Exports left on disk (the transaction-PDF ZIPs of issue 16). The web app serves what the worker
// writes, so both must see the same directory; relative paths are from the project root (the cwd).
const EXPORT_ENV = {
  EXPORTS_DIR: z.string().min(1).default(".data/exports"),
  // How long a finished export stays downloadable before the worker removes it.
  EXPORT_RETENTION_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  // Chunks of a PDF export in flight at once, and PDFs fetched at once within each chunk.
  PDF_EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  PDF_EXPORT_DOWNLOADS: z.coerce.number().int().min(1).max(16).default(4),
};

// The one place that reads process.env. Parsed lazily so `next build` works without a database.
const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  // Failures from one client address across all emails per window (higher than the per-email limit).
  SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  // The longest a sign-in lock lasts; unset: 24 windows.
  SIGNIN_MAX_LOCK_MINUTES: z.coerce.number().positive().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).default("Single sign-on"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Addresses or CIDR ranges of the reverse proxies in front of the app; only they may set X-Forwarded-*.
  TRUSTED_PROXIES: z.string().max(4096).optional(),
  // The sync page shows an alert when the oldest waiting webhook has waited longer than this.
  WEBHOOK_ALERT_SECONDS: z.coerce.number().int().min(1).default(120),
  // Four eyes: a bulk change of more profiles than this waits for a second manager; 0 turns it off.
  BULK_APPROVAL_THRESHOLD: z.coerce.number().int().min(0).default(1000),
  // The reasons offered when a status is set, separated by "|"; unset: the defaults in lib/profiles/status.
  STATUS_REASONS: z.string().max(4000).optional(),
  ...PROVIDER_ENV,
  ...EXPORT_ENV,
});

export type TEnv = z.infer<typeof ZEnvSchema>;

const ZProviderEnvSchema = z.object(PROVIDER_ENV);
export type TProviderEnv = z.infer<typeof ZProviderEnvSchema>;

/** Provider settings from any set of variables (the sandbox prints them; tests and benchmarks pass them on). */
export function parseProviderEnv(raw: Record<string, string | undefined>): TProviderEnv {
  return parseFrom(ZProviderEnvSchema, raw);
}

// Scripts (migrate, seed, worker) need only the database part.
const ZDbEnvSchema = ZEnvSchema.pick({ DATABASE_URL: true, DB_POOL_SIZE: true });
// The worker and the sync scripts need the database and the providers, not the web session settings.
const ZWorkerEnvSchema = ZDbEnvSchema.extend(PROVIDER_ENV).extend(EXPORT_ENV);
export type TWorkerEnv = z.infer<typeof ZWorkerEnvSchema>;
// The app's HTTP front (scripts/serve.ts) needs where to listen and whom to believe.
const ZEdgeEnvSchema = ZEnvSchema.pick({ TRUSTED_PROXIES: true, NEXTAUTH_URL: true }).extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  // A copy of everything the app prints, line for line (the browser journeys read it back).
  APP_LOG_FILE: z.string().min(1).optional(),
});
export type TEdgeEnv = z.infer<typeof ZEdgeEnvSchema>;
// The proxy (proxy.ts) runs before every page and route; it needs only these.
const ZProxyEnvSchema = ZEnvSchema.pick({ NODE_ENV: true, NEXTAUTH_URL: true, OIDC_ISSUER: true });
export type TProxyEnv = z.infer<typeof ZProxyEnvSchema>;
export type TDbEnv = z.infer<typeof ZDbEnvSchema>;

function parse<S extends z.ZodType>(schema: S): z.output<S> {
  return parseFrom(schema, process.env);
}

// An unset or empty variable takes its default; a bad one stops the start with its name and what is wrong.
function parseFrom<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const raw = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

let cached: TEnv | undefined;
let cachedDb: TDbEnv | undefined;
let cachedWorker: TWorkerEnv | undefined;

/** The provider variables alone, as the app reads them (`npm run providers:check` needs no database). */
export function getProviderEnv(): TProviderEnv {
  return parse(ZProviderEnvSchema);
}

export function getWorkerEnv(): TWorkerEnv {
  cachedWorker ??= parse(ZWorkerEnvSchema);
  return cachedWorker;
}

let cachedProxy: TProxyEnv | undefined;

export function getProxyEnv(): TProxyEnv {
  cachedProxy ??= parse(ZProxyEnvSchema);
  return cachedProxy;
}

export function getEdgeEnv(): TEdgeEnv {
  return parse(ZEdgeEnvSchema);
}

export function getEnv(): TEnv {
  cached ??= parse(ZEnvSchema);
  return cached;
}

export function getDbEnv(): TDbEnv {
  cachedDb ??= parse(ZDbEnvSchema);
  return cachedDb;
}

export function isOidcEnabled(env: TEnv = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
