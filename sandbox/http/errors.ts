// Error bodies in each provider's own shape (contract §0.4). Handlers throw HttpError;
// the server turns it into a response, so a bad request can never become a 500.
import { STATUS_CODES } from "node:http";

export type Provider = "trulioo" | "jumio" | "trustx" | "control" | "root";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === "object" && body && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
  }
}

export function truliooError(status: number, code: number, message: string, details?: Record<string, unknown>): HttpError {
  return new HttpError(status, details ? { message, code, details } : { message, code });
}

export function jumioError(status: number, message: string): HttpError {
  return new HttpError(status, { message });
}

export function springBody(status: number, message: string, path: string): Record<string, unknown> {
  return { timestamp: new Date().toISOString(), status, error: STATUS_CODES[status] ?? "Error", message, path };
}

export function trustxError(status: number, message: string, path: string): HttpError {
  return new HttpError(status, springBody(status, message, path));
}

export function oauthError(status: number, error: string, description?: string): HttpError {
  return new HttpError(status, description ? { error, error_description: description } : { error });
}

/** A generic error in the style of whichever provider the path belongs to. */
export function providerError(provider: Provider, status: number, message: string, path: string, headers: Record<string, string> = {}): HttpError {
  const body =
    provider === "trulioo" ? { message, code: status }
    : provider === "trustx" ? springBody(status, message, path)
    : { message };
  return new HttpError(status, body, headers);
}
