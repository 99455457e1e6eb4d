import { PROVIDER_LABELS, ProviderAuthError, ProviderError, ProviderHttpError, ProviderTimeoutError } from "@/lib/providers/errors";
import { TemporaryJobError } from "./define";

/**
 * A provider failure that is about the moment, not the items (no answer in time, a rate limit, an
 * outage, a dropped connection): the chunk waits and goes again, whole. Null for anything else (a
 * refusal, bad credentials), which the job kind decides about. One rule for every job kind.
 */
export function temporaryFailure(error: unknown): TemporaryJobError | null {
  const name = error instanceof ProviderError ? PROVIDER_LABELS[error.provider] : "The provider";
  if (error instanceof ProviderTimeoutError) {
    // The transport's own words (timed out, connection reset…) tell the two apart in the worker's log.
    const cause = error.cause instanceof Error ? `: ${error.cause.message}${error.cause.cause instanceof Error ? ` (${error.cause.cause.message})` : ""}` : "";
    return new TemporaryJobError(`${name} did not answer in time${cause}`);
  }
  if (error instanceof ProviderHttpError && (error.status === 429 || error.status >= 500)) {
    const retryAfter = typeof error.details?.retryAfterSeconds === "number" ? error.details.retryAfterSeconds * 1000 : null;
    return new TemporaryJobError(error.status === 429 ? `${name} is rate limiting` : `${name} failed (HTTP ${error.status})`, retryAfter);
  }
  if (error instanceof ProviderHttpError || error instanceof ProviderAuthError) return null;
  return error instanceof Error && /ECONNRESET|ECONNREFUSED|socket|fetch failed/i.test(error.message) ? new TemporaryJobError(error.message) : null;
}
