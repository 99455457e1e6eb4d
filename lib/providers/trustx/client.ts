import { z } from "zod";
import type { TTrustxConfig } from "../config";
import { ZLenientListSchema, type TInvalidItem } from "../lenient";
import { ProviderHttp } from "../http";
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
const seg = encodeURIComponent;

function describeTrustxError(body: unknown) {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const message = typeof b.message === "string" ? b.message : typeof b.error === "string" ? b.error : typeof body === "string" ? body : null;
  return { code: null, message: message ? message.slice(0, 300) : null, details: null };
}

/** Daon TrustX process manager (contract §3). */
export class TrustxClient {
  private readonly http: ProviderHttp;
  private readonly base: string;

  constructor(
    private readonly config: TTrustxConfig,
    private readonly overrides: TOverrides = {},
  ) {
    this.base = config.baseUrl;
    const tokenHttp = this.makeHttp();
    const tokens = credentialTokens("trustx", () =>
      tokenHttp.json(
        {
          operation: "POST /api/arthr/apiKeys/issue",
          method: "POST",
          url: `${this.base}/api/arthr/apiKeys/issue`,
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
      { operation: "POST processTokens", method: "POST", url: `${this.base}/api/process-manager/processTokens`, json: body, idempotent: false },
      ZProcessTokenSchema,
    );
  }

  createProcessInstance(processTokenId: string) {
    return this.http.json(
      {
        operation: "POST processInstances/create",
        method: "POST",
        url: `${this.base}/api/process-manager/processInstances/create`,
        query: { pt: processTokenId },
        json: {},
        idempotent: false,
      },
      ZCreatedInstanceSchema,
    );
  }

  getInstance(id: string) {
    return this.http.json(
      { operation: "GET processInstance", method: "GET", url: `${this.base}/api/process-manager/processInstances/${seg(id)}`, idempotent: true },
      ZProcessInstanceSchema,
    );
  }

  getInstanceWithParameters(id: string) {
    return this.http.json(
      {
        operation: "GET processInstance withParameters",
        method: "GET",
        url: `${this.base}/api/process-manager/processInstances/${seg(id)}/withParameters`,
        idempotent: true,
      },
      ZProcessInstanceWithParametersSchema,
    );
  }

  /** X4 and X7 for the sync: parsed, with the JSON as received (kept verbatim). */
  async readInstanceWithParameters(id: string) {
    const { data, raw } = await this.http.jsonWithBytes(
      {
        operation: "GET processInstance withParameters",
        method: "GET",
        url: `${this.base}/api/process-manager/processInstances/${seg(id)}/withParameters`,
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
        url: `${this.base}/api/userdata-server/processDefinitions/${seg(processDefnId)}/processInstances/${seg(instanceId)}/userdata`,
        idempotent: true,
      },
      ZUserDataSchema,
    );
    return { data, raw };
  }

  listInstances(page = 0, size = 100, sort = "createdAt,desc") {
    return this.http.json(
      {
        operation: "GET processInstances",
        method: "GET",
        url: `${this.base}/api/process-manager/processInstances`,
        query: { page, size, sort },
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
        url: `${this.base}/api/process-manager/processInstances/search`,
        query: {
          searchString: search.searchString,
          startDateTime: search.startDateTime?.toISOString(),
          endDateTime: search.endDateTime?.toISOString(),
          processDefinitionName: search.processDefinitionName,
          processDefinitionId: search.processDefinitionId,
          processInstanceStatus: search.statuses?.length ? search.statuses.join(",") : undefined,
          page,
          size: search.size ?? 100,
          sort: search.sort ?? "createdAt,asc",
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
      return { items: res.content.valid, last: pageEnded({ ...res, count, size: search.size ?? 100 }) };
    }, 0);
  }

  getUserData(processDefnId: string, instanceId: string) {
    return this.http.json(
      {
        operation: "GET userdata",
        method: "GET",
        url: `${this.base}/api/userdata-server/processDefinitions/${seg(processDefnId)}/processInstances/${seg(instanceId)}/userdata`,
        idempotent: true,
      },
      ZUserDataSchema,
    );
  }
}
