import { z } from "zod";
import type { TTrustxConfig } from "../config";
import { ZLenientListSchema, type TInvalidItem } from "../lenient";
import { ProviderHttp } from "../http";
import { DEFAULT_ENDPOINTS, fillPath, TRUSTX_PATHS, type TTrustxEndpoints } from "../endpoints";
import { pageEnded, pagesOf } from "../paging";
import { credentialTokens, type TokenCache } from "../token-cache";
import {
  ZCreatedInstanceSchema,
  ZProcessInstanceSchema,
  ZProcessInstanceWithParametersSchema,
  ZProcessTokenCreateSchema,
  ZProcessTokenSchema,
  ZSpringPageSchema,
  ZTrustxTokenSchema,
  ZUserDataSchema,
  type TProcessInstance,
  type TProcessTokenCreate,
} from "./schemas";

type TOverrides = { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void>; random?: () => number };

export type TInstanceSearch = {
  searchString?: string;
  startDateTime?: Date;
  endDateTime?: Date;
  processDefinitionName?: string;
  processDefinitionId?: string;
  statuses?: string[];
  size?: number;
  sort?: string;
};

const ZInstancePageSchema = ZSpringPageSchema(z.unknown()).extend({ content: ZLenientListSchema(ZProcessInstanceSchema) });

function describeTrustxError(body: unknown) {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const message = typeof b.message === "string" ? b.message : typeof b.error === "string" ? b.error : typeof body === "string" ? body : null;
  return { code: null, message: message ? message.slice(0, 300) : null, details: null };
}

/** Daon TrustX process manager (contract §3). */
export class TrustxClient {
  private readonly http: ProviderHttp;
  private readonly base: string;
  private readonly endpoints: TTrustxEndpoints;

  constructor(
    private readonly config: TTrustxConfig,
    private readonly overrides: TOverrides = {},
  ) {
    this.base = config.baseUrl;
    this.endpoints = config.endpoints ?? DEFAULT_ENDPOINTS.trustx;
    const tokenHttp = this.makeHttp();
    const tokens = credentialTokens("trustx", () =>
      tokenHttp.json(
        {
          operation: "POST /api/arthr/apiKeys/issue",
          method: "POST",
          url: `${this.base}${TRUSTX_PATHS.token}`,
          json: {},
          headers: { "X-API-Key": config.apiKey },
          idempotent: true,
          auth: false,
        },
        ZTrustxTokenSchema,
      ),
    );
    this.http = this.makeHttp(tokens);
  }

  private makeHttp(tokens?: TokenCache): ProviderHttp {
    return new ProviderHttp({
      provider: "trustx",
      timeoutMs: this.config.timeoutMs,
      maxAttempts: this.config.maxAttempts,
      baseDelayMs: this.config.baseDelayMs,
      maxDelayMs: this.config.maxDelayMs,
      userAgent: "ComplianceDesk/1.0",
      describeError: describeTrustxError,
      tokens,
      ...this.overrides,
    });
  }

  createProcessToken(input: TProcessTokenCreate) {
    const body = ZProcessTokenCreateSchema.parse(input);
    // A create is not idempotent: retried only after 429/503, which happen before any effect.
    return this.http.json(
      { operation: "POST processTokens", method: "POST", url: `${this.base}${TRUSTX_PATHS.processTokens}`, json: body, idempotent: false },
      ZProcessTokenSchema,
    );
  }

  createProcessInstance(processTokenId: string) {
    return this.http.json(
      {
        operation: "POST processInstances/create",
        method: "POST",
        url: `${this.base}${TRUSTX_PATHS.createInstance}`,
        query: { pt: processTokenId },
        json: {},
        idempotent: false,
      },
      ZCreatedInstanceSchema,
    );
  }

  getInstance(id: string) {
    return this.http.json(
      { operation: "GET processInstance", method: "GET", url: `${this.base}${fillPath(this.endpoints.instancePath, { instanceId: id })}`, idempotent: true },
      ZProcessInstanceSchema,
    );
  }

  async getInstanceWithParameters(id: string) {
    return (await this.readInstanceWithParameters(id)).data;
  }

  /** X4 and X7 for the sync: parsed, with the JSON as received (kept verbatim). */
  async readInstanceWithParameters(id: string) {
    const { data, raw } = await this.http.jsonWithBytes(
      {
        operation: "GET processInstance withParameters",
        method: "GET",
        url: `${this.base}${fillPath(this.endpoints.instanceWithParametersPath, { instanceId: id })}`,
        idempotent: true,
      },
      ZProcessInstanceWithParametersSchema,
    );
    return { data, raw };
  }

  async readUserData(processDefnId: string, instanceId: string) {
    const { data, raw } = await this.http.jsonWithBytes(
      {
        operation: "GET userdata",
        method: "GET",
        url: `${this.base}${fillPath(this.endpoints.userDataPath, { processDefnId, instanceId })}`,
        idempotent: true,
      },
      ZUserDataSchema,
    );
    return { data, raw };
  }

  /** `page` counts from 0 here whatever TrustX's first page is (TRUSTX_PAGE_BASE); `sort` defaults to newest first. */
  listInstances(page = 0, size = 100, sort = `${this.endpoints.sortField},desc`) {
    return this.http.json(
      {
        operation: "GET processInstances",
        method: "GET",
        url: `${this.base}${this.endpoints.instancesPath}`,
        query: { page: page + this.endpoints.pageBase, size, sort },
        idempotent: true,
      },
      ZInstancePageSchema,
    );
  }

  searchInstances(search: TInstanceSearch, page = 0) {
    return this.http.json(
      {
        operation: "GET processInstances/search",
        method: "GET",
        url: `${this.base}${this.endpoints.searchPath}`,
        query: {
          searchString: search.searchString,
          startDateTime: search.startDateTime?.toISOString(),
          endDateTime: search.endDateTime?.toISOString(),
          processDefinitionName: search.processDefinitionName,
          processDefinitionId: search.processDefinitionId,
          processInstanceStatus: search.statuses?.length ? search.statuses.join(",") : undefined,
          page: page + this.endpoints.pageBase,
          size: search.size ?? 100,
          sort: search.sort ?? `${this.endpoints.sortField},asc`,
        },
        idempotent: true,
      },
      ZInstancePageSchema,
    );
  }

  /** Every instance matching the search, in pages (0-based Spring pages), each once. */
  async *instances(
    search: TInstanceSearch = {},
    hooks: { onInvalid?: (item: TInvalidItem) => void; onTotal?: (total: number) => void } = {},
  ): AsyncGenerator<TProcessInstance[]> {
    yield* pagesOf(async (page) => {
      const res = await this.searchInstances(search, page);
      res.content.invalid.forEach((item) => hooks.onInvalid?.(item));
      if (res.totalElements !== undefined) hooks.onTotal?.(res.totalElements);
      const count = res.content.valid.length + res.content.invalid.length;
      // The envelope's `number` counts from TRUSTX_PAGE_BASE; pageEnded counts from 0.
      const number = typeof res.number === "number" ? res.number - this.endpoints.pageBase : res.number;
      return { items: res.content.valid, last: pageEnded({ ...res, number, count, size: search.size ?? 100 }) };
    }, 0);
  }

  async getUserData(processDefnId: string, instanceId: string) {
    return (await this.readUserData(processDefnId, instanceId)).data;
  }
}
