import { ProviderResponseError, type TProviderName } from "./errors";

/** Downloads (files, images, PDFs) may be answered with a redirect to storage; calls of the API never are. */
export const MAX_REDIRECTS = 3;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

export const isRedirect = (status: number) => REDIRECT_STATUS.has(status);

/**
 * Where a download's redirect may lead: https anywhere (storage such as S3 or a CDN), or plain http only
 * back to the provider's own origin (a sandbox or an on-premise gateway), at most MAX_REDIRECTS hops. The
 * hop itself is sent without credentials (see ProviderHttp.download): a presigned storage URL carries its
 * own signature, and a bearer token must never reach a host it was not issued for.
 */
export function redirectTarget(
  provider: TProviderName,
  operation: string,
  origin: string,
  from: string,
  location: string | null,
  hop: number,
): string {
  const refuse = (message: string) => new ProviderResponseError(provider, operation, [{ path: "Location", message }], location ?? "");
  if (!location) throw refuse("a redirect without a Location header");
  if (hop >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} redirects`);
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw refuse("a redirect to something that is not a URL");
  }
  if (next.protocol !== "https:" && next.origin !== origin) throw refuse("a redirect to a plain-http address outside the provider (only https is followed)");
  return next.toString();
}
