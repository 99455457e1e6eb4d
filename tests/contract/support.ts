// Shared harness for the contract tests: an in-process sandbox on a free port and the three real
// provider clients pointed at it, plus raw (client-independent) access for cross-checks.
import type { SandboxOptions } from "../../sandbox/config";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import type { TRetryConfig } from "../../lib/providers/config";
import { JumioClient } from "../../lib/providers/jumio/client";
import { TruliooClient } from "../../lib/providers/trulioo/client";
import { TrustxClient } from "../../lib/providers/trustx/client";

export const FAST: TRetryConfig = { timeoutMs: 2000, maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 50 };
export const UA = "ComplianceDesk/1.0";

export type TOverrides = { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void>; random?: () => number };

export type TContractSandbox = Awaited<ReturnType<typeof contractSandbox>>;

/** A small, deterministic dataset with short hangs, and factories for clients that talk to it. */
export async function contractSandbox(options: SandboxOptions = {}) {
  const sb: RunningSandbox = await startSandbox({ port: 0, profiles: 60, seed: 7, hangMs: 3000, ...options });
  const env = sb.env;
  const e = (k: string): string => {
    const v = env[k];
    if (!v) throw new Error(`sandbox env has no ${k}`);
    return v;
  };

  const trulioo = (retry: Partial<TRetryConfig> = {}, overrides: TOverrides & { testMode?: boolean } = {}, secret = e("TRULIOO_CLIENT_SECRET")) =>
    new TruliooClient(
      {
        ...FAST,
        ...retry,
        authUrl: e("TRULIOO_AUTH_URL"),
        platformUrl: e("TRULIOO_PLATFORM_URL"),
        exportUrl: e("TRULIOO_EXPORT_URL"),
        clientId: e("TRULIOO_CLIENT_ID"),
        clientSecret: secret,
      },
      overrides,
    );

  const jumio = (retry: Partial<TRetryConfig> = {}, overrides: TOverrides = {}, opts: { secret?: string; userAgent?: string } = {}) =>
    new JumioClient(
      {
        ...FAST,
        ...retry,
        authUrl: e("JUMIO_AUTH_URL"),
        retrievalUrl: e("JUMIO_RETRIEVAL_URL"),
        clientId: e("JUMIO_CLIENT_ID"),
        clientSecret: opts.secret ?? e("JUMIO_CLIENT_SECRET"),
        userAgent: opts.userAgent ?? UA,
      },
      overrides,
    );

  const trustx = (retry: Partial<TRetryConfig> = {}, overrides: TOverrides = {}, apiKey = e("TRUSTX_API_KEY")) =>
    new TrustxClient({ ...FAST, ...retry, baseUrl: e("TRUSTX_BASE_URL"), apiKey }, overrides);

  /** POST/GET/DELETE under /_sandbox; throws on a non-2xx so a bad fault request never passes silently. */
  const control = async <T = Record<string, unknown>>(path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<T> => {
    const res = await fetch(`${sb.url}/_sandbox${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox control ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  const fault = (body: Record<string, unknown>) => control("/faults", body);
  const clearFaults = () => control("/faults", undefined, "DELETE");
  const reset = () => control("/reset", {});

  /** Flat counters from /_sandbox/stats, e.g. counter("tokens", "trulioo"). */
  const counters = async () => (await control<{ counters: Record<string, Record<string, number>> }>("/stats")).counters;
  const counter = async (group: string, name: string) => (await counters())[group]?.[name] ?? 0;
  const dataSizes = async () =>
    (await control<{ data: { profiles: number; jumioAccounts: number; jumioExecutions: number; trustxInstances: number } }>("/stats")).data;

  /** Raw, client-independent requests (own token, own fetch) for cross-checking what the clients report. */
  const raw = {
    async truliooToken(): Promise<string> {
      const res = await fetch(`${e("TRULIOO_AUTH_URL")}/connect/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "workflow.studio.api", client_id: e("TRULIOO_CLIENT_ID"), client_secret: e("TRULIOO_CLIENT_SECRET") }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async jumioToken(): Promise<string> {
      const basic = Buffer.from(`${e("JUMIO_CLIENT_ID")}:${e("JUMIO_CLIENT_SECRET")}`).toString("base64");
      const res = await fetch(`${e("JUMIO_AUTH_URL")}/oauth2/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", "user-agent": UA },
        body: "grant_type=client_credentials",
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async trustxToken(): Promise<string> {
      const res = await fetch(`${e("TRUSTX_BASE_URL")}/api/arthr/apiKeys/issue`, {
        method: "POST",
        headers: { "x-api-key": e("TRUSTX_API_KEY"), "content-type": "application/json" },
        body: "{}",
      });
      return ((await res.json()) as { token: string }).token;
    },
    async get<T = unknown>(url: string, token: string): Promise<{ status: number; body: T }> {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, "user-agent": UA, accept: "application/json" } });
      return { status: res.status, body: (await res.json()) as T };
    },
  };

  return { sb, env, e, trulioo, jumio, trustx, control, fault, clearFaults, reset, counters, counter, dataSizes, raw, close: () => sb.close() };
}

/** Collects every page an async page iterator yields into one flat list. */
export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export type TMagic = "png" | "jpeg" | "pdf" | "unknown";

/** What the bytes really are, from their magic numbers. */
export function magicOf(bytes: Uint8Array): TMagic {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-") return "pdf";
  return "unknown";
}

/** The trailer each format must end with: PNG's IEND chunk, JPEG's EOI marker, PDF's %%EOF. */
export function hasTrailer(bytes: Uint8Array, kind: TMagic): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 16)));
  if (kind === "png") return tail.includes(Buffer.from("IEND", "latin1"));
  if (kind === "jpeg") return bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
  if (kind === "pdf") return tail.toString("latin1").includes("%%EOF");
  return false;
}

export const MIME_OF: Record<Exclude<TMagic, "unknown">, string> = { png: "image/png", jpeg: "image/jpeg", pdf: "application/pdf" };

/** A recording sleep that does not wait: lets tests check backoff and Retry-After without real delays. */
export function recordingSleep() {
  const calls: number[] = [];
  return { calls, sleep: async (ms: number) => void calls.push(ms) };
}

export const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
