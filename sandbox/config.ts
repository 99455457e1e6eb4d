// Sandbox configuration: defaults, programmatic overrides (tests) and environment (CLI).
import { normaliseSeed } from "./data/prng";
import type { FaultInput } from "./faults";

export interface Credentials {
  truliooClientId: string;
  truliooClientSecret: string;
  truliooWebhookToken: string;
  truliooWebhookSecret: string;
  jumioClientId: string;
  jumioClientSecret: string;
  jumioCallbackToken: string;
  trustxApiKey: string;
}

export interface SandboxConfig {
  host: string;
  port: number;
  seed: number;
  profiles: number;
  jumioAccounts: number;
  trustxInstances: number;
  /** End of the generated data window (ms since epoch). Fixed so data is deterministic. */
  dataEnd: number;
  spanDays: number;
  tokenTtlSeconds: { trulioo: number; jumio: number; trustx: number };
  credentials: Credentials;
  truliooWebhookUrls: string[];
  jumioCallbackUrls: string[];
  /** Multiplies Trulioo webhook retry delays (1,2,4,8,16 s) and the 30 s handshake repeat. */
  webhookRetryScale: number;
  /** Multiplies Jumio's callback retry schedule (40 s … 940 s). */
  jumioRetryScale: number;
  duplicateShare: number;
  webhookTimeoutMs: number;
  handshakeIntervalMs: number;
  signedUrlTtlSeconds: number;
  pdfUrlTtlSeconds: number;
  /** How long the asynchronous document check of a flow run stays pending. */
  pendingMs: number;
  retryOnPendingCapMs: number;
  /** Delay between the status steps of executions created through /_sandbox. */
  jumioProgressMs: number;
  /** Delay before an ACTIVE TrustX instance reaches REVIEW or a COMPLETED_* status. */
  trustxActivityMs: number;
  /** Background activity generator period; 0 turns it off. */
  activityIntervalMs: number;
  /** How long an injected timeout holds the connection before dropping it. */
  hangMs: number;
  maxBodyBytes: number;
  maxUploadBytes: number;
  uploadStoreBytes: number;
  faults: FaultInput[];
  log: boolean;
  /** Serve the representation variants a real service may send (README "Quirks mode"). */
  quirks: boolean;
  /** Count detail reads per record id (GET /_sandbox/reads); off by default, datasets can be millions. */
  trackReads: boolean;
  /** `{"<provider> <METHOD> <route pattern>": "<new route pattern>"}`: routes served only at a new path. */
  movedPaths: Record<string, string>;
}

export type SandboxOptions = Partial<Omit<SandboxConfig, "tokenTtlSeconds" | "credentials">> & {
  tokenTtlSeconds?: number | Partial<SandboxConfig["tokenTtlSeconds"]>;
  credentials?: Partial<Credentials>;
};

export const DEFAULT_CREDENTIALS: Credentials = {
  truliooClientId: "sandbox-trulioo-id",
  truliooClientSecret: "sandbox-trulioo-secret",
  truliooWebhookToken: "sandbox-trulioo-webhook-token",
  truliooWebhookSecret: "sandbox-trulioo-webhook-secret",
  jumioClientId: "sandbox-jumio-id",
  jumioClientSecret: "sandbox-jumio-secret",
  jumioCallbackToken: "sandbox-jumio-callback-token",
  trustxApiKey: "sandbox-trustx-api-key",
};

export const DEFAULT_DATA_END = Date.parse("2026-11-01T00:00:00.000Z");

export function defaultConfig(): SandboxConfig {
  return {
    host: "127.0.0.1", port: 4010, seed: 42, profiles: 200, jumioAccounts: -1, trustxInstances: -1,
    dataEnd: DEFAULT_DATA_END, spanDays: 730,
    tokenTtlSeconds: { trulioo: 3600, jumio: 3600, trustx: 3600 },
    credentials: { ...DEFAULT_CREDENTIALS },
    truliooWebhookUrls: [], jumioCallbackUrls: [],
    webhookRetryScale: 1, jumioRetryScale: 1, duplicateShare: 0.02, webhookTimeoutMs: 10_000, handshakeIntervalMs: 30_000,
    signedUrlTtlSeconds: 86_400, pdfUrlTtlSeconds: 900,
    pendingMs: 3000, retryOnPendingCapMs: 30_000, jumioProgressMs: 2000, trustxActivityMs: 5000, activityIntervalMs: 0,
    hangMs: 60_000, maxBodyBytes: 1024 * 1024, maxUploadBytes: 10 * 1024 * 1024, uploadStoreBytes: 256 * 1024 * 1024,
    faults: [], log: false, quirks: false, trackReads: false, movedPaths: {},
  };
}

export function resolveConfig(options: SandboxOptions = {}): SandboxConfig {
  const base = defaultConfig();
  const { tokenTtlSeconds, credentials, ...rest } = options;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<SandboxConfig>;
  const creds = Object.fromEntries(Object.entries(credentials ?? {}).filter(([, v]) => v !== undefined && v !== "")) as Partial<Credentials>;
  const cfg: SandboxConfig = { ...base, ...defined, credentials: { ...base.credentials, ...creds } };
  cfg.tokenTtlSeconds = typeof tokenTtlSeconds === "number"
    ? { trulioo: tokenTtlSeconds, jumio: tokenTtlSeconds, trustx: tokenTtlSeconds }
    : { ...base.tokenTtlSeconds, ...tokenTtlSeconds };
  cfg.seed = normaliseSeed(cfg.seed);
  if (cfg.jumioAccounts < 0) cfg.jumioAccounts = cfg.profiles;
  if (cfg.trustxInstances < 0) cfg.trustxInstances = cfg.profiles;
  cfg.movedPaths = checkMovedPaths(cfg.movedPaths);
  for (const [k, v] of Object.entries({ profiles: cfg.profiles, jumioAccounts: cfg.jumioAccounts, trustxInstances: cfg.trustxInstances })) {
    if (!Number.isInteger(v) || v < 0 || v > 50_000_000) throw new Error(`${k} must be an integer between 0 and 50,000,000`);
  }
  return cfg;
}

const MOVED_KEY = /^(trulioo|jumio|trustx) (GET|POST|PUT|DELETE) (\/\S*)$/;

/** The shape only; whether each route exists is checked against the routers at start. */
function checkMovedPaths(value: unknown): Record<string, string> {
  const hint = '{"<provider> <METHOD> <route pattern>": "<new route pattern>"}';
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`movedPaths must be an object ${hint}`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    const m = MOVED_KEY.exec(k.trim().replace(/\s+/g, " "));
    if (!m) throw new Error(`movedPaths key "${k}" must read "<trulioo|jumio|trustx> <METHOD> <route pattern>", e.g. "trustx GET /api/process-manager/processInstances/search"`);
    if (typeof v !== "string" || !v.startsWith("/")) throw new Error(`movedPaths["${k}"] must be a route pattern starting with "/"`);
    out[`${m[1]} ${m[2]} ${m[3]}`] = v;
  }
  return out;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const v = env[name]?.trim().toLowerCase();
  if (v === undefined || v === "") return undefined;
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  throw new Error(`${name} must be 1/true or 0/false, got "${env[name]}"`);
}

function movedFromEnv(env: NodeJS.ProcessEnv): Record<string, string> | undefined {
  const v = env.SANDBOX_MOVED_PATHS;
  if (v === undefined || v.trim() === "") return undefined;
  try {
    return JSON.parse(v) as Record<string, string>;
  } catch (e) {
    throw new Error(`SANDBOX_MOVED_PATHS must be JSON ({"trustx GET /api/…": "/api/…"}): ${e instanceof Error ? e.message : String(e)}`);
  }
}

function num(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${v}"`);
  return n;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  const v = env[name];
  return v === undefined ? undefined : v.split(",").map((s) => s.trim()).filter(Boolean);
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  const ttl = num(env, "SANDBOX_TOKEN_TTL_SECONDS") ?? 3600;
  const dataEnd = env.SANDBOX_DATA_END ? Date.parse(env.SANDBOX_DATA_END) : undefined;
  if (dataEnd !== undefined && Number.isNaN(dataEnd)) throw new Error("SANDBOX_DATA_END must be an ISO date");
  const faults: FaultInput[] = [];
  if (env.SANDBOX_FAULTS) {
    const parsed: unknown = JSON.parse(env.SANDBOX_FAULTS);
    faults.push(...((Array.isArray(parsed) ? parsed : [parsed]) as FaultInput[]));
  }
  const simple = { latencyMs: num(env, "SANDBOX_LATENCY_MS"), rate429: num(env, "SANDBOX_RATE_429"), rate5xx: num(env, "SANDBOX_RATE_5XX") };
  if (Object.values(simple).some((v) => v !== undefined)) faults.unshift({ provider: "all", ...simple } as FaultInput);
  const cred = (name: string): string | undefined => env[`SANDBOX_${name}`] || undefined;
  return {
    host: env.SANDBOX_HOST || undefined,
    port: num(env, "SANDBOX_PORT"),
    seed: env.SANDBOX_SEED === undefined ? undefined : normaliseSeed(env.SANDBOX_SEED),
    profiles: num(env, "SANDBOX_PROFILES"),
    jumioAccounts: num(env, "SANDBOX_JUMIO_ACCOUNTS"),
    trustxInstances: num(env, "SANDBOX_TRUSTX_INSTANCES"),
    dataEnd,
    spanDays: num(env, "SANDBOX_DATA_SPAN_DAYS"),
    tokenTtlSeconds: {
      trulioo: num(env, "SANDBOX_TRULIOO_TOKEN_TTL_SECONDS") ?? ttl,
      jumio: num(env, "SANDBOX_JUMIO_TOKEN_TTL_SECONDS") ?? ttl,
      trustx: num(env, "SANDBOX_TRUSTX_TOKEN_TTL_SECONDS") ?? ttl,
    },
    credentials: {
      truliooClientId: cred("TRULIOO_CLIENT_ID"), truliooClientSecret: cred("TRULIOO_CLIENT_SECRET"),
      truliooWebhookToken: cred("TRULIOO_WEBHOOK_TOKEN"), truliooWebhookSecret: cred("TRULIOO_WEBHOOK_SECRET"),
      jumioClientId: cred("JUMIO_CLIENT_ID"), jumioClientSecret: cred("JUMIO_CLIENT_SECRET"),
      jumioCallbackToken: cred("JUMIO_CALLBACK_TOKEN"), trustxApiKey: cred("TRUSTX_API_KEY"),
    },
    truliooWebhookUrls: list(env, "SANDBOX_TRULIOO_WEBHOOK_URL"),
    jumioCallbackUrls: list(env, "SANDBOX_JUMIO_CALLBACK_URL"),
    webhookRetryScale: num(env, "SANDBOX_WEBHOOK_RETRY_SCALE"),
    jumioRetryScale: num(env, "SANDBOX_JUMIO_RETRY_SCALE"),
    duplicateShare: num(env, "SANDBOX_WEBHOOK_DUPLICATE_SHARE"),
    webhookTimeoutMs: num(env, "SANDBOX_WEBHOOK_TIMEOUT_MS"),
    handshakeIntervalMs: num(env, "SANDBOX_HANDSHAKE_INTERVAL_MS"),
    signedUrlTtlSeconds: num(env, "SANDBOX_SIGNED_URL_TTL_SECONDS"),
    pdfUrlTtlSeconds: num(env, "SANDBOX_PDF_URL_TTL_SECONDS"),
    pendingMs: num(env, "SANDBOX_PENDING_MS"),
    retryOnPendingCapMs: num(env, "SANDBOX_RETRY_ON_PENDING_CAP_MS"),
    jumioProgressMs: num(env, "SANDBOX_JUMIO_PROGRESS_MS"),
    trustxActivityMs: num(env, "SANDBOX_TRUSTX_ACTIVITY_MS"),
    activityIntervalMs: num(env, "SANDBOX_ACTIVITY_INTERVAL_MS"),
    hangMs: num(env, "SANDBOX_HANG_MS"),
    faults,
    log: env.SANDBOX_LOG === "1" || env.SANDBOX_LOG === "true",
    quirks: flag(env, "SANDBOX_QUIRKS"),
    trackReads: flag(env, "SANDBOX_TRACK_READS"),
    movedPaths: movedFromEnv(env),
  };
}
