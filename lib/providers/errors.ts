export type TProviderName = "trulioo" | "jumio" | "trustx";

export const PROVIDER_LABELS: Record<TProviderName, string> = { trulioo: "Trulioo", jumio: "Jumio", trustx: "TrustX" };

/** Base of every failure a provider client reports; `retryable` says whether the same call could work later. */
export class ProviderError extends Error {
  readonly provider: TProviderName;
  readonly retryable: boolean;

  constructor(provider: TProviderName, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(`${PROVIDER_LABELS[provider]}: ${message}`, { cause: options.cause });
    this.name = "ProviderError";
    this.provider = provider;
    this.retryable = options.retryable ?? false;
  }
}

/** A non-2xx answer. `code` is the provider's own error code when it sent one (Trulioo's 4000-6504). */
export class ProviderHttpError extends ProviderError {
  readonly status: number;
  readonly code: number | null;
  readonly upstreamMessage: string | null;
  readonly details: Record<string, unknown> | null;
  readonly operation: string;

  constructor(
    provider: TProviderName,
    init: { status: number; operation: string; code?: number | null; message?: string | null; details?: Record<string, unknown> | null },
  ) {
    const what = init.message ?? `HTTP ${init.status}`;
    super(provider, `${init.operation} failed: ${init.code ? `${init.code} ` : ""}${what}`, {
      retryable: init.status === 429 || init.status >= 500,
    });
    this.name = "ProviderHttpError";
    this.status = init.status;
    this.code = init.code ?? null;
    this.upstreamMessage = init.message ?? null;
    this.details = init.details ?? null;
    this.operation = init.operation;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** Credentials refused, or a fresh token refused again. */
export class ProviderAuthError extends ProviderError {
  constructor(provider: TProviderName, message: string) {
    super(provider, message);
    this.name = "ProviderAuthError";
  }
}

/** No answer in time (or the connection broke). For a non-idempotent call the outcome is unknown. */
export class ProviderTimeoutError extends ProviderError {
  readonly operation: string;
  constructor(provider: TProviderName, operation: string, cause?: unknown) {
    super(provider, `${operation} got no answer in time`, { retryable: true, cause });
    this.name = "ProviderTimeoutError";
    this.operation = operation;
  }
}

/** A 2xx answer whose body is not what the contract says; `issues` name each wrong field by path. */
export class ProviderResponseError extends ProviderError {
  readonly operation: string;
  readonly issues: { path: string; message: string }[];
  readonly raw: unknown;

  constructor(provider: TProviderName, operation: string, issues: { path: string; message: string }[], raw: unknown) {
    const summary = issues.slice(0, 3).map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ");
    super(provider, `${operation} returned an invalid response (${summary}${issues.length > 3 ? "; …" : ""})`);
    this.name = "ProviderResponseError";
    this.operation = operation;
    this.issues = issues;
    this.raw = raw;
  }
}

/** The provider has no credentials configured, so it is off. */
export class ProviderDisabledError extends ProviderError {
  constructor(provider: TProviderName) {
    super(provider, "not configured (no credentials), so it is off");
    this.name = "ProviderDisabledError";
  }
}
