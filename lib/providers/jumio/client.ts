import { z } from "zod";
import type { TJumioConfig } from "../config";
import { ProviderHttp, type TBytes, type TByteStream, type TProviderRequest } from "../http";
import type { TInvalidItem } from "../lenient";
import { pagesOf } from "../paging";
import { credentialTokens, type TokenCache } from "../token-cache";
import { ProviderResponseError } from "../errors";
import { DEFAULT_ENDPOINTS, fillPath, JUMIO_PATHS, type TJumioEndpoints } from "../endpoints";
import {
  ZEmptySchema,
  ZExecutionListSchema,
  ZExecutionStatusSchema,
  ZJumioTokenSchema,
  ZPdfLinkSchema,
  ZRulesSchema,
  ZStepsSchema,
  ZTransactionRecordSchema,
  type TExecutionListItem,
  type TFeedback,
} from "./schemas";

type TOverrides = { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void>; random?: () => number };

export const CREDENTIAL_CLASSIFIERS = ["FRONT", "BACK", "FACE", "FRONT_WITH_FLASH", "FACEMAP"] as const;

function describeJumioError(body: unknown) {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const message = typeof b.message === "string" ? b.message : typeof b.error === "string" ? b.error : typeof body === "string" ? body : null;
  return { code: null, message: message ? message.slice(0, 300) : null, details: null };
}

function renameField(raw: unknown, from: string, to: string): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || !(from in raw)) return raw;
  const { [from]: value, ...rest } = raw as Record<string, unknown>;
  return { ...rest, [to]: value };
}

/** Jumio Retrieval API V3 (contract §2). Every call names the company and app in its User-Agent. */
export class JumioClient {
  private readonly http: ProviderHttp;
  private readonly api: string;
  private readonly endpoints: TJumioEndpoints;

  constructor(
    private readonly config: TJumioConfig,
    private readonly overrides: TOverrides = {},
  ) {
    this.api = `${config.retrievalUrl}${JUMIO_PATHS.api}`;
    this.endpoints = config.endpoints ?? DEFAULT_ENDPOINTS.jumio;
    const tokenHttp = this.makeHttp();
    const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64");
    const tokens = credentialTokens("jumio", () =>
      tokenHttp.json(
        {
          operation: "POST /oauth2/token",
          method: "POST",
          url: `${config.authUrl}${JUMIO_PATHS.token}`,
          form: { grant_type: "client_credentials" },
          headers: { Authorization: `Basic ${basic}` },
          idempotent: true,
          auth: false,
        },
        ZJumioTokenSchema,
      ),
    );
    this.http = this.makeHttp(tokens);
  }

  private makeHttp(tokens?: TokenCache): ProviderHttp {
    return new ProviderHttp({
      provider: "jumio",
      timeoutMs: this.config.timeoutMs,
      maxAttempts: this.config.maxAttempts,
      baseDelayMs: this.config.baseDelayMs,
      maxDelayMs: this.config.maxDelayMs,
      userAgent: this.config.userAgent,
      describeError: describeJumioError,
      tokens,
      ...this.overrides,
    });
  }

  private get<S extends z.ZodType>(operation: string, path: string, schema: S, query?: TProviderRequest["query"]) {
    return this.http.json({ operation, method: "GET", url: `${this.api}${path}`, query, idempotent: true }, schema);
  }

  /** The parsed body and the provider's JSON as sent, which the sync keeps verbatim (set-aside parts included). */
  private async getWithRaw<S extends z.ZodType>(operation: string, path: string, schema: S): Promise<{ data: z.output<S>; raw: unknown }> {
    const { data, raw } = await this.http.jsonWithBytes({ operation, method: "GET", url: `${this.api}${path}`, idempotent: true }, schema);
    return { data, raw };
  }

  private executionPath(template: string, accountId: string, executionId: string): string {
    return fillPath(template, { accountId, executionId });
  }

  /** `page` counts from 1 here whatever Jumio's first page is (JUMIO_PAGE_BASE). */
  listExecutions(page = 1, size = 100) {
    const sent = page - 1 + this.endpoints.pageBase;
    return this.get("GET /workflow-executions", this.endpoints.executionsPath, ZExecutionListSchema, { page: sent, size });
  }

  /** All executions, newest first, in pages (1-based; the last page is the one shorter than `size`). */
  async *executions(size = 100, hooks: { onInvalid?: (item: TInvalidItem) => void } = {}): AsyncGenerator<TExecutionListItem[]> {
    // Jumio caps `size` at 100: a short page means the end only when compared with what it can send.
    const pageSize = Math.min(Math.max(Math.trunc(size), 1), this.endpoints.pageSizeMax);
    yield* pagesOf(async (page) => {
      const { valid, invalid } = (await this.listExecutions(page, pageSize)).workflowExecutions;
      invalid.forEach((item) => hooks.onInvalid?.(item));
      return { items: valid, last: valid.length + invalid.length < pageSize };
    }, 1);
  }

  async getExecution(accountId: string, executionId: string) {
    return (await this.readExecution(accountId, executionId)).data;
  }

  /** J2, J4 and J5 for the sync: parsed, with the JSON as received. */
  readExecution(accountId: string, executionId: string) {
    return this.getWithRaw("GET execution", this.executionPath(JUMIO_PATHS.execution, accountId, executionId), ZTransactionRecordSchema);
  }

  readSteps(accountId: string, executionId: string) {
    return this.getWithRaw("GET execution steps", this.executionPath(JUMIO_PATHS.steps, accountId, executionId), ZStepsSchema);
  }

  readRules(accountId: string, executionId: string) {
    return this.getWithRaw("GET execution rules", this.executionPath(this.endpoints.rulesPath, accountId, executionId), ZRulesSchema);
  }

  getStatus(accountId: string, executionId: string) {
    return this.get("GET execution status", this.executionPath(JUMIO_PATHS.status, accountId, executionId), ZExecutionStatusSchema);
  }

  async getSteps(accountId: string, executionId: string) {
    return (await this.readSteps(accountId, executionId)).data;
  }

  async getRules(accountId: string, executionId: string) {
    return (await this.readRules(accountId, executionId)).data;
  }

  getCredentialPart(accountId: string, credentialId: string, classifier: string): Promise<TBytes> {
    return this.http.bytes(this.partRequest(accountId, credentialId, classifier));
  }

  /** A credential image (J5) streamed to the caller, never held whole. */
  streamCredentialPart(accountId: string, credentialId: string, classifier: string): Promise<TByteStream> {
    return this.http.stream(this.partRequest(accountId, credentialId, classifier));
  }

  private partRequest(accountId: string, credentialId: string, classifier: string): TProviderRequest {
    return {
      operation: "GET credential part",
      method: "GET",
      url: `${this.api}${fillPath(JUMIO_PATHS.part, { accountId, credentialId, classifier })}`,
      idempotent: true,
    };
  }

  getPdfLink(accountId: string, executionId: string) {
    const field = this.endpoints.pdfUrlField;
    // The URL's field is a setting (J7 [decided]): renamed to the schema's before it is parsed.
    const schema = field === "presignedUrl" ? ZPdfLinkSchema : z.preprocess((raw) => renameField(raw, field, "presignedUrl"), ZPdfLinkSchema);
    return this.get("GET execution pdf", this.executionPath(this.endpoints.pdfPath, accountId, executionId), schema);
  }

  /** The presigned URL needs no token; it expires after 15 minutes (403). */
  async downloadPdf(accountId: string, executionId: string): Promise<TBytes> {
    const { presignedUrl } = await this.getPdfLink(accountId, executionId);
    return this.http.bytes({ operation: "GET presigned pdf", method: "GET", url: presignedUrl, idempotent: true, auth: false });
  }

  /**
   * The transaction PDF as a stream: J7's presigned URL, then the file itself. The URL is the provider's,
   * but it is only followed over https or to the retrieval host itself (the sandbox), never elsewhere.
   */
  async streamPdf(accountId: string, executionId: string): Promise<TByteStream> {
    const { presignedUrl } = await this.getPdfLink(accountId, executionId);
    const url = new URL(presignedUrl);
    if (url.protocol !== "https:" && url.host !== new URL(this.api).host) {
      throw new ProviderResponseError("jumio", "GET execution pdf", [{ path: "presignedUrl", message: "neither https nor Jumio's own host" }], presignedUrl);
    }
    return this.http.stream({ operation: "GET presigned pdf", method: "GET", url: presignedUrl, idempotent: true, auth: false });
  }

  deleteExecution(accountId: string, executionId: string) {
    return this.http.json(
      { operation: "DELETE execution", method: "DELETE", url: `${this.api}${this.executionPath(JUMIO_PATHS.execution, accountId, executionId)}`, idempotent: true },
      ZEmptySchema,
    );
  }

  /** Deletes the PII of every execution of one account (one end user). */
  deleteAccount(accountId: string) {
    return this.http.json(
      { operation: "DELETE account", method: "DELETE", url: `${this.api}${fillPath(JUMIO_PATHS.account, { accountId })}`, idempotent: true },
      ZEmptySchema,
    );
  }

  setFeedback(accountId: string, executionId: string, feedback: TFeedback) {
    return this.http.json(
      {
        operation: "PUT execution feedback",
        method: "PUT",
        url: `${this.api}${this.executionPath(this.endpoints.feedbackPath, accountId, executionId)}`,
        json: feedback,
        idempotent: true,
      },
      ZEmptySchema,
    );
  }
}
