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

// Only Trulioo sends codes of its own (4000-6504); a small number in the body's code field is the HTTP
// status repeated, which says nothing the status does not.
function providerCode(error: ProviderHttpError): number | null {
  return error.code !== null && error.code >= 1000 ? error.code : null;
}

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
    const code = providerCode(error);
    const meaning = (code !== null && error.provider === "trulioo" ? TRULIOO_ERROR_CODES[code] : null) ?? (error.upstreamMessage?.trim().replace(/\.+$/, "") || null);
    const said = code !== null ? `${name} ${code}: ${meaning ?? "error"}.` : null;
    if (error.status === 404 && (code === null || code === 4100)) {
      const gone = `${what} is not at ${name} (any more).`;
      return new AppError("NOT_FOUND", said ? `${said} ${gone}` : gone, { provider: error.provider, code });
    }
    if (error.status === 429) return new AppError("UPSTREAM_UNAVAILABLE", `${name} is busy (rate limited). Try again in a moment.`);
    if (error.status >= 500) return new AppError("UPSTREAM_ERROR", `${said ?? `${name} failed (HTTP ${error.status}).`} Try again later.`, { provider: error.provider, code, status: error.status });
    return new AppError("UPSTREAM_ERROR", said ?? `${name}: ${meaning ?? `refused (HTTP ${error.status})`}.`, { provider: error.provider, code, status: error.status });
  }
  return new AppError("UPSTREAM_ERROR", `${name} failed: ${error.message}`);
}
