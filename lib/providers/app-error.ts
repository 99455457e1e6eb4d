import { AppError } from "@/lib/errors";
import { TRULIOO_ERROR_CODES } from "./trulioo/errors";
import {
  PROVIDER_LABELS,
  ProviderAuthError,
  ProviderDisabledError,
  ProviderError,
  ProviderHttpError,
  ProviderResponseError,
  ProviderTimeoutError,
} from "./errors";

/**
 * What a provider's failure means to the person who asked, as an AppError: the one place where the
 * three clients' errors become words. A provider code is named with its documented meaning (e.g.
 * "Trulioo 4111: Status transition not permitted"); a record gone upstream is NOT_FOUND; anything else
 * upstream is UPSTREAM_ERROR (502) or, when the provider is off or unreachable, UPSTREAM_UNAVAILABLE.
 */
export function toAppError(error: unknown, what = "The record"): AppError | null {
  if (!(error instanceof ProviderError)) return null;
  const name = PROVIDER_LABELS[error.provider];
  if (error instanceof ProviderDisabledError) return new AppError("UPSTREAM_UNAVAILABLE", `${name} is not configured here.`);
  if (error instanceof ProviderTimeoutError) return new AppError("UPSTREAM_ERROR", `${name} did not answer in time. Try again.`);
  if (error instanceof ProviderAuthError) return new AppError("UPSTREAM_UNAVAILABLE", `${name} refused our credentials. Ask an administrator to check them.`);
  if (error instanceof ProviderResponseError) return new AppError("UPSTREAM_ERROR", `${name} sent an answer we could not read.`);
  if (error instanceof ProviderHttpError) {
    const meaning = error.code !== null ? (error.provider === "trulioo" ? TRULIOO_ERROR_CODES[error.code] : null) ?? error.upstreamMessage : error.upstreamMessage;
    const code = error.code !== null ? ` ${error.code}` : "";
    if (error.status === 404 && (error.code === null || error.code === 4100)) {
      return new AppError("NOT_FOUND", `${what} is not at ${name} (any more).`, { provider: error.provider, code: error.code });
    }
    if (error.status === 429) return new AppError("UPSTREAM_UNAVAILABLE", `${name} is busy (rate limited). Try again in a moment.`);
    if (error.status >= 500) return new AppError("UPSTREAM_ERROR", `${name} failed (HTTP ${error.status}). Try again later.`);
    return new AppError("UPSTREAM_ERROR", `${name}${code}: ${meaning ?? `refused (HTTP ${error.status})`}.`, { provider: error.provider, code: error.code, status: error.status });
  }
  return new AppError("UPSTREAM_ERROR", `${name} failed: ${error.message}`);
}
