// Per-request context and reply helpers. Handlers return a Reply value instead of
// writing to the socket, so fault injection and stats wrap every route uniformly.
import type { IncomingMessage } from "node:http";
import type { SandboxState } from "../state";
import { BodyTooLarge, parseJson, readBody } from "./body";
import { HttpError, providerError, type Provider } from "./errors";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless `raw` is set. */
  body?: unknown;
  raw?: Buffer | string;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

export function raw(data: Buffer | string, contentType: string, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, raw: data, headers: { "content-type": contentType, ...headers } };
}

export function html(text: string, status = 200): Reply {
  return raw(text, "text/html; charset=utf-8", status);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class Ctx {
  params: Record<string, string> = {};
  /** True when the Trulioo path carried the /test prefix. */
  test = false;
  private bodyCache?: Promise<Buffer>;

  constructor(
    readonly req: IncomingMessage,
    readonly url: URL,
    readonly provider: Provider,
    readonly state: SandboxState,
    readonly maxBody: number,
  ) {}

  get method(): string {
    return this.req.method ?? "GET";
  }
  get path(): string {
    return this.url.pathname;
  }
  get query(): URLSearchParams {
    return this.url.searchParams;
  }

  header(name: string): string | undefined {
    const v = this.req.headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  }

  body(limit = this.maxBody): Promise<Buffer> {
    this.bodyCache ??= readBody(this.req, limit);
    return this.bodyCache;
  }

  /** The body as JSON; a malformed or oversized body becomes the provider's 400/413. */
  async json(): Promise<unknown> {
    let buf: Buffer;
    try {
      buf = await this.body();
    } catch (e) {
      if (e instanceof BodyTooLarge) throw providerError(this.provider, 413, "Request body too large", this.path);
      throw providerError(this.provider, 400, "Could not read the request body", this.path);
    }
    const parsed = parseJson(buf);
    if (!parsed.ok) throw providerError(this.provider, 400, `Malformed JSON body: ${parsed.error}`, this.path);
    return parsed.value;
  }

  /** A form-encoded body (token endpoints). */
  async form(): Promise<URLSearchParams> {
    try {
      return new URLSearchParams((await this.body(64 * 1024)).toString("utf8"));
    } catch {
      throw new HttpError(400, { error: "invalid_request" });
    }
  }
}
