import { errorFields, log } from "@/lib/log";

// One error type for everything the app reports on purpose. Each code maps to an HTTP status and a
// message that is safe to show; anything else is logged and shown as a generic failure.
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UPSTREAM_ERROR: 502,
  UPSTREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type TErrorBody = { error: { code: AppErrorCode; message: string; details?: Record<string, unknown> } };

export function toErrorBody(error: unknown): { status: number; body: TErrorBody } {
  if (isAppError(error)) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  log.error(errorFields(error), "unexpected error");
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong. It has been logged." } } };
}
