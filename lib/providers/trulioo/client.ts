import { z } from "zod";
import type { TTruliooConfig } from "../config";
import { DEFAULT_ENDPOINTS, fillPath, TRULIOO_PATHS, type TTruliooEndpoints } from "../endpoints";
import { ProviderHttpError } from "../errors";
import { ProviderHttp, type TBytes, type TByteStream, type TProviderRequest } from "../http";
import { ZLenientListSchema, type TInvalidItem } from "../lenient";
import { pageEnded, pagesOf } from "../paging";
import { credentialTokens, type TokenCache } from "../token-cache";
import { describeTruliooError, TruliooApiError } from "./errors";
import {
  ZAckSchema,
  ZClientDetailsSchema,
  ZClientSummarySchema,
  ZSignedUrlSchema,
  ZTokenResponseSchema,
  ZTruliooPageSchema,
  ZWorkflowSchema,
  type TClientSummary,
  type TLinkType,
  type TStatusTarget,
  type TWorkflow,
} from "./schemas";

export const STATUS_CHUNK = 100;
const ZClientPageSchema = ZTruliooPageSchema(z.unknown()).extend({ data: ZLenientListSchema(ZClientSummarySchema) });
const ZWorkflowPageSchema = ZTruliooPageSchema(z.unknown()).extend({ data: ZLenientListSchema(ZWorkflowSchema) });

export type TClientQuery = {
  /** lastModified strictly after / before (exclusive); sent as whole seconds (contract §1.2). */
  after?: Date;
  before?: Date;
  statuses?: string[];
  flowId?: string;
  limit?: number;
};

export type TStatusChangeResult = { changed: string[]; failed: { id: string; error: TruliooApiError }[] };

type TOverrides = { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void>; random?: () => number; testMode?: boolean };

/** Trulioo Workflow Studio: Export API reads, Platform API writes (contract §1). */
export class TruliooClient {
  private readonly http: ProviderHttp;
  private readonly exportBase: string;
  private readonly platformBase: string;
  private readonly endpoints: TTruliooEndpoints;

  constructor(
    private readonly config: TTruliooConfig,
    overrides: TOverrides = {},
  ) {
    const testPrefix = overrides.testMode ? "/test" : "";
    this.exportBase = `${config.exportUrl}${testPrefix}`;
    this.platformBase = `${config.platformUrl}${testPrefix}`;
    this.endpoints = config.endpoints ?? DEFAULT_ENDPOINTS.trulioo;
    const tokenHttp = this.makeHttp(overrides);
    const tokens = credentialTokens("trulioo", () =>
      tokenHttp.json(
        {
          operation: "POST /connect/token",
          method: "POST",
          url: `${config.authUrl}${TRULIOO_PATHS.token}`,
          form: {
            grant_type: "client_credentials",
            scope: "workflow.studio.api",
            client_id: config.clientId,
            client_secret: config.clientSecret,
          },
          idempotent: true,
          auth: false,
        },
        ZTokenResponseSchema,
      ),
    );
    this.http = this.makeHttp(overrides, tokens);
  }

  private makeHttp(overrides: TOverrides, tokens?: TokenCache): ProviderHttp {
    return new ProviderHttp({
      provider: "trulioo",
      timeoutMs: this.config.timeoutMs,
      maxAttempts: this.config.maxAttempts,
      baseDelayMs: this.config.baseDelayMs,
      maxDelayMs: this.config.maxDelayMs,
      userAgent: "ComplianceDesk/1.0",
      describeError: describeTruliooError,
      tokens,
      ...overrides,
    });
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw error instanceof ProviderHttpError && !(error instanceof TruliooApiError) ? new TruliooApiError(error) : error;
    }
  }

  private json<S extends z.ZodType>(req: TProviderRequest, schema: S) {
    return this.call(() => this.http.json(req, schema));
  }

  /** A time bound in the unit Trulioo reads (contract §1.2), rounded so the window is never narrower. */
  private timestamp(at: Date, round: (n: number) => number): number {
    return this.endpoints.timeUnit === "milliseconds" ? at.getTime() : round(at.getTime() / 1000);
  }

  private statusBody(ids: string[], status: TStatusTarget): Record<string, unknown> {
    return { [this.endpoints.statusIdsField]: ids, status: status === "REJECTED" ? this.endpoints.rejectedStatus : status };
  }

  listWorkflows(page = 0, limit = 50) {
    return this.json(
      { operation: "GET /v2/query/workflows", method: "GET", url: `${this.exportBase}${this.endpoints.workflowsPath}`, query: { page, limit }, idempotent: true },
      ZWorkflowPageSchema,
    );
  }

  /** Every workflow, in pages; malformed ones go to `onInvalid` instead of failing the page. */
  async *workflows(hooks: { onInvalid?: (item: TInvalidItem) => void } = {}): AsyncGenerator<TWorkflow[]> {
    yield* pagesOf(async (page) => {
      const res = await this.listWorkflows(page, 50);
      res.data.invalid.forEach((item) => hooks.onInvalid?.(item));
      return { items: res.data.valid, last: pageEnded({ ...res, count: res.data.valid.length + res.data.invalid.length, size: 50 }) };
    }, 0);
  }

  listClients(query: TClientQuery, page = 0) {
    return this.json(
      {
        operation: "GET /v2/query/clients",
        method: "GET",
        url: `${this.exportBase}${this.endpoints.clientsPath}`,
        query: {
          page,
          limit: query.limit ?? 50,
          [this.endpoints.afterParam]: query.after ? this.timestamp(query.after, Math.floor) : undefined,
          [this.endpoints.beforeParam]: query.before ? this.timestamp(query.before, Math.ceil) : undefined,
          statuses: query.statuses?.length ? query.statuses.join(",") : undefined,
          flowId: query.flowId,
        },
        idempotent: true,
      },
      ZClientPageSchema,
    );
  }

  /**
   * Every client matching the query, in pages, each client once (ordered by lastModified, then id).
   * Malformed summaries go to `onInvalid`; `onTotal` hears totalElements of each page.
   */
  async *clients(
    query: TClientQuery = {},
    hooks: { onInvalid?: (item: TInvalidItem) => void; onTotal?: (total: number) => void } = {},
  ): AsyncGenerator<TClientSummary[]> {
    yield* pagesOf(async (page) => {
      const res = await this.listClients(query, page);
      res.data.invalid.forEach((item) => hooks.onInvalid?.(item));
      if (res.totalElements !== undefined) hooks.onTotal?.(res.totalElements);
      const count = res.data.valid.length + res.data.invalid.length;
      return { items: res.data.valid, last: pageEnded({ ...res, count, size: query.limit ?? 50 }) };
    }, 0, (summary) => String(summary.lastModified.getTime()));
  }

  /** The parsed record plus the provider's JSON (value and exact text), which the sync keeps verbatim. */
  async getClient(clientId: string, options: { fullServiceDetails?: boolean } = {}) {
    const { data, raw, bytes } = await this.call(() =>
      this.http.jsonWithBytes(
        {
          operation: "GET /v2/query/client/{id}",
          method: "GET",
          url: `${this.exportBase}${fillPath(this.endpoints.clientPath, { clientId })}`,
          query: { includeFullServiceDetails: options.fullServiceDetails ? "true" : "false" },
          idempotent: true,
        },
        ZClientDetailsSchema,
      ),
    );
    return { client: data, raw, rawBytes: bytes };
  }

  getFile(key: string): Promise<TBytes> {
    return this.call(() => this.http.bytes(this.fileRequest(key)));
  }

  /** The same file (E4) streamed to the caller, never held whole. */
  streamFile(key: string): Promise<TByteStream> {
    return this.call(() => this.http.stream(this.fileRequest(key)));
  }

  private fileRequest(key: string): TProviderRequest {
    return { operation: "GET /v2/query/file", method: "GET", url: `${this.exportBase}${this.endpoints.filePath}`, query: { key }, idempotent: true };
  }

  /**
   * Sets the status of many end clients in chunks of at most 100 (each chunk is atomic upstream).
   * A failing chunk whose error names no ids is split in halves until the failing ids are isolated,
   * so one bad id never blocks the others.
   */
  async updateStatuses(ids: string[], status: TStatusTarget): Promise<TStatusChangeResult> {
    const result: TStatusChangeResult = { changed: [], failed: [] };
    for (let i = 0; i < ids.length; i += STATUS_CHUNK) await this.updateChunk(ids.slice(i, i + STATUS_CHUNK), status, result);
    return result;
  }

  private async updateChunk(chunk: string[], status: TStatusTarget, result: TStatusChangeResult): Promise<void> {
    if (chunk.length === 0) return;
    try {
      await this.json(
        { operation: "PUT /end-clients/status", method: "PUT", url: `${this.platformBase}/end-clients/status`, json: this.statusBody(chunk, status), idempotent: true },
        ZAckSchema,
      );
      result.changed.push(...chunk);
    } catch (error) {
      // Only a refusal can be narrowed down: a rate limit, an outage or a credentials problem is about the
      // whole request, and splitting the chunk would only multiply the calls.
      if (!(error instanceof TruliooApiError) || error.status >= 500 || error.status === 401 || error.status === 403 || error.status === 429) throw error;
      const named = error.endClientIds?.filter((id) => chunk.includes(id));
      if (named && named.length > 0) {
        for (const id of named) result.failed.push({ id, error });
        return this.updateChunk(chunk.filter((id) => !named.includes(id)), status, result);
      }
      if (chunk.length === 1) {
        result.failed.push({ id: chunk[0]!, error });
        return;
      }
      const half = Math.ceil(chunk.length / 2);
      await this.updateChunk(chunk.slice(0, half), status, result);
      await this.updateChunk(chunk.slice(half), status, result);
    }
  }

  link(from: string, to: string, type: TLinkType) {
    // Not idempotent: retried only after 429/503, which happen before any effect (contract §0.4).
    return this.json(
      { operation: "POST /end-clients", method: "POST", url: `${this.platformBase}${this.endpoints.linkPath}`, json: { from, to, type }, idempotent: false },
      ZAckSchema,
    );
  }

  unlink(from: string, to: string) {
    return this.json(
      { operation: "DELETE /end-clients", method: "DELETE", url: `${this.platformBase}${this.endpoints.unlinkPath}`, json: { from, to }, idempotent: false },
      ZAckSchema,
    );
  }

  getSignedUrl(flowId: string, endClientId?: string) {
    return this.json(
      {
        operation: "GET /signed-url/{flowId}",
        method: "GET",
        url: `${this.platformBase}${fillPath(this.endpoints.signedUrlPath, { flowId })}`,
        query: { endClientId },
        idempotent: true,
      },
      ZSignedUrlSchema,
    );
  }
}
