import type { z } from "zod";
import {
  ProviderAuthError,
  ProviderHttpError,
  ProviderResponseError,
  ProviderTimeoutError,
  type TProviderName,
} from "./errors";
import { nodeFetch } from "./node-fetch";
import { isRedirect, redirectTarget } from "./redirects";
import type { TokenCache } from "./token-cache";

export type TQuery = Record<string, string | number | boolean | null | undefined>;

export type TProviderRequest = {
  /** Names the call in errors and logs, e.g. "GET /v2/query/clients". Never contains secrets. */
  operation: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  query?: TQuery;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Safe to repeat after a timeout or a 5xx (contract §0.4); others are retried only after 429/503. */
  idempotent: boolean;
  /** Send the bearer token (default true). */
  auth?: boolean;
  accept?: string;
};

/** What the transport needs of an answer: the built-in fetch's Response has it, and so does nodeFetch's. */
export type TTransportResponse = {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  body?: { cancel(): Promise<void> } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
};
export type TFetch = (url: string, init: RequestInit) => Promise<TTransportResponse>;

export type TErrorDescription = { code: number | null; message: string | null; details: Record<string, unknown> | null };

export type THttpOptions = {
  provider: TProviderName;
  timeoutMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  userAgent: string;
  tokens?: TokenCache;
  describeError: (body: unknown) => TErrorDescription;
  fetch?: TFetch;
  /** For streamed downloads: a fetch whose answer's body is a stream (default: the built-in fetch). */
  streamFetch?: TFetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type TBytes = { bytes: Uint8Array; contentType: string; filename: string | null };

/** A download as it arrives: nothing of the body is held here. */
export type TByteStream = {
  body: ReadableStream<Uint8Array>;
  contentType: string | null;
  contentLength: number | null;
  filename: string | null;
};

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 60_000;

export function buildUrl(url: string, query?: TQuery): string {
  if (!query) return url;
  const target = new URL(url);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) target.searchParams.set(key, String(value));
  }
  return target.toString();
}

function retryAfterMs(res: TTransportResponse): number | null {
  const header = res.headers.get("retry-after");
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(seconds, 0) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.min(Math.max(date - Date.now(), 0), MAX_RETRY_AFTER_MS);
}

function filenameFrom(disposition: string | null): string | null {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? "");
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** Parses a body against its schema; a mismatch names every wrong field by its path. */
export function parseWith<S extends z.ZodType>(provider: TProviderName, operation: string, schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  throw new ProviderResponseError(provider, operation, issues, raw);
}

/**
 * The transport every provider client shares: timeouts, bounded retries with exponential backoff and
 * full jitter (honouring Retry-After), one token refresh on 401, and typed errors.
 */
export class ProviderHttp {
  private readonly fetchImpl: TFetch;
  private readonly streamFetchImpl: TFetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: THttpOptions) {
    this.fetchImpl = options.fetch ?? nodeFetch;
    this.streamFetchImpl = options.streamFetch ?? ((url, init) => fetch(url, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  get provider(): TProviderName {
    return this.options.provider;
  }

  backoffMs(attempt: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(this.random() * ceiling);
  }

  /**
   * One call with the retry policy. Buffered (the default), the timeout covers the whole answer; for a
   * stream it covers the wait for the headers, and `stream()` then watches the body for stalls. Either
   * way nothing is retried once the body has begun to arrive.
   */
  async send(req: TProviderRequest, mode: "buffered" | "stream" = "buffered", allowRedirect = false): Promise<TTransportResponse> {
    const { provider, maxAttempts, timeoutMs } = this.options;
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      const token = req.auth !== false && this.options.tokens ? await this.options.tokens.get() : null;
      let res: TTransportResponse;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new DOMException("timed out", "TimeoutError")), timeoutMs);
      try {
        res = await (mode === "stream" ? this.streamFetchImpl : this.fetchImpl)(buildUrl(req.url, req.query), {
          method: req.method,
          headers: this.headers(req, token),
          body: req.form ? new URLSearchParams(req.form).toString() : req.json === undefined ? undefined : JSON.stringify(req.json),
          signal: mode === "stream" ? controller.signal : AbortSignal.timeout(timeoutMs),
          redirect: "manual",
        });
        clearTimeout(timer);
        if (mode === "stream") this.abortOf.set(res, controller);
      } catch (error) {
        clearTimeout(timer);
        if (!req.idempotent || attempt >= maxAttempts) throw new ProviderTimeoutError(provider, req.operation, error);
        await this.sleep(this.backoffMs(attempt));
        continue;
      }
      if (res.status === 401 && token && this.options.tokens) {
        await res.body?.cancel();
        this.options.tokens.invalidate(token);
        if (refreshed) throw new ProviderAuthError(provider, `${req.operation}: a fresh token was refused (401)`);
        refreshed = true;
        attempt -= 1; // the refresh-and-retry is not one of the bounded attempts
        continue;
      }
      if (RETRYABLE_STATUS.has(res.status) && attempt < maxAttempts) {
        const allowed = req.idempotent || res.status === 429 || res.status === 503;
        if (allowed) {
          const wait = retryAfterMs(res) ?? this.backoffMs(attempt);
          await res.body?.cancel();
          await this.sleep(wait);
          continue;
        }
      }
      if (!res.ok && !(allowRedirect && isRedirect(res.status))) throw await this.toHttpError(res, req.operation);
      return res;
    }
  }

  /**
   * A download: the call, then any redirects to storage (redirects.ts says which are followed). Each hop
   * is a plain GET without the token or the request's own headers, retried like any idempotent call.
   */
  private async download(req: TProviderRequest, mode: "buffered" | "stream"): Promise<TTransportResponse> {
    const origin = new URL(req.url).origin;
    let current = req;
    for (let hop = 0; ; hop += 1) {
      const res = await this.send(current, mode, true);
      if (!isRedirect(res.status)) return res;
      await res.body?.cancel().catch(() => undefined);
      const from = buildUrl(current.url, current.query);
      const url = redirectTarget(this.provider, req.operation, origin, from, res.headers.get("location"), hop);
      current = { operation: `${req.operation} (redirected)`, method: "GET", url, idempotent: true, auth: false, accept: req.accept };
    }
  }

  private readonly abortOf = new WeakMap<TTransportResponse, AbortController>();

  /**
   * A download streamed from upstream to the caller: retried (as any call) only until its headers
   * arrive; the body is never buffered, and a body that stalls longer than the timeout is aborted.
   */
  async stream(req: TProviderRequest): Promise<TByteStream> {
    const res = await this.download({ ...req, accept: req.accept ?? "*/*" }, "stream");
    const source = (res as unknown as { body: ReadableStream<Uint8Array> | null }).body;
    const controller = this.abortOf.get(res);
    const { timeoutMs } = this.options;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller?.abort(new DOMException("stalled", "TimeoutError")), timeoutMs);
    };
    arm();
    const watched = (source ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          arm();
          out.enqueue(chunk);
        },
        flush() {
          clearTimeout(idle);
        },
      }),
    );
    const length = Number(res.headers.get("content-length"));
    return {
      body: watched,
      contentType: res.headers.get("content-type"),
      contentLength: Number.isFinite(length) && res.headers.get("content-length") !== null ? length : null,
      filename: filenameFrom(res.headers.get("content-disposition")),
    };
  }

  async json<S extends z.ZodType>(req: TProviderRequest, schema: S): Promise<z.output<S>> {
    return (await this.jsonWithBytes(req, schema)).data;
  }

  /** The parsed body and its exact bytes (kept verbatim by the sync, without serialising it again). */
  async jsonWithBytes<S extends z.ZodType>(req: TProviderRequest, schema: S): Promise<{ data: z.output<S>; raw: unknown; bytes: Buffer }> {
    const res = await this.send({ ...req, accept: req.accept ?? "application/json" });
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (error) {
      throw new ProviderTimeoutError(this.provider, req.operation, error);
    }
    const text = bytes.toString("utf8");
    let raw: unknown;
    try {
      raw = text === "" ? {} : JSON.parse(text);
    } catch {
      throw new ProviderResponseError(this.provider, req.operation, [{ path: "", message: "body is not JSON" }], text.slice(0, 500));
    }
    return { data: parseWith(this.provider, req.operation, schema, raw), raw, bytes: text === "" ? Buffer.from("{}") : bytes };
  }

  async bytes(req: TProviderRequest): Promise<TBytes> {
    const res = await this.download({ ...req, accept: req.accept ?? "*/*" }, "buffered");
    let buffer: ArrayBuffer;
    try {
      buffer = await res.arrayBuffer();
    } catch (error) {
      throw new ProviderTimeoutError(this.provider, req.operation, error);
    }
    return {
      bytes: new Uint8Array(buffer),
      contentType: res.headers.get("content-type") ?? "application/octet-stream",
      filename: filenameFrom(res.headers.get("content-disposition")),
    };
  }

  private headers(req: TProviderRequest, token: string | null): Record<string, string> {
    const headers: Record<string, string> = { "User-Agent": this.options.userAgent, Accept: req.accept ?? "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (req.form) headers["Content-Type"] = "application/x-www-form-urlencoded";
    else if (req.json !== undefined) headers["Content-Type"] = "application/json";
    return { ...headers, ...req.headers };
  }

  private async toHttpError(res: TTransportResponse, operation: string): Promise<ProviderHttpError> {
    const text = await res.text().catch(() => "");
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // a non-JSON error page: keep the text
    }
    const described = this.options.describeError(body);
    return new ProviderHttpError(this.provider, {
      status: res.status,
      operation,
      code: described.code,
      message: described.message ?? (typeof body === "string" && body ? body.slice(0, 200) : null),
      details: described.details,
    });
  }
}
