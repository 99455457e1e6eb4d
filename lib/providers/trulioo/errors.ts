import { ProviderHttpError } from "../errors";

// Trulioo's error codes (contract §1.5, from the flow API document): what each means to a person.
export const TRULIOO_ERROR_CODES: Record<number, string> = {
  4000: "Flow not found",
  4001: "Flow theme not found",
  4002: "Node not found",
  4003: "Flow is empty",
  4005: "Root node is not a subsequent token node",
  4006: "Missing data for required element",
  4007: "Submitted data is malformed",
  4008: "Failed validation for submitted data",
  4009: "Service execution failed",
  4011: "Invalid token",
  4012: "Token has expired",
  4013: "Flow already finished",
  4014: "Invalid submit data",
  4015: "Invalid direct submit on root not form node",
  4050: "Invalid credentials",
  4100: "Client not found",
  4101: "Client has no flow with given ID",
  4102: "Subsequent token not found",
  4103: "Illegal back action",
  4105: "Create linked leads invalid request",
  4106: "Delete linked leads invalid request",
  4109: "EndClient marked as abandoned",
  4110: "Could not retrieve full end client data",
  4111: "Status transition not permitted",
  4200: "Service not configured",
  4201: "Service not configured for country",
  5000: "Internal error",
  5300: "Invalid Twilio code",
  5301: "Failed to send SMS to phone number",
  5302: "Twilio internal error",
  6504: "Service has timed out",
};

/** A Trulioo error answer, carrying its code and that code's documented meaning. */
export class TruliooApiError extends ProviderHttpError {
  readonly meaning: string | null;

  constructor(source: ProviderHttpError) {
    super("trulioo", {
      status: source.status,
      operation: source.operation,
      code: source.code,
      message: source.upstreamMessage,
      details: source.details,
    });
    this.name = "TruliooApiError";
    this.meaning = source.code !== null ? (TRULIOO_ERROR_CODES[source.code] ?? null) : null;
  }

  /** What the user sees: the code and its meaning, else Trulioo's own message. */
  get userMessage(): string {
    if (this.code !== null && this.code >= 1000) return `Trulioo ${this.code}: ${this.meaning ?? this.upstreamMessage ?? "error"}`;
    return `Trulioo answered ${this.status}: ${this.upstreamMessage ?? "error"}`;
  }

  /** Ids the error names (4100 unknown clients, 4111 forbidden transitions), when Trulioo sent them. */
  get endClientIds(): string[] | null {
    const ids = this.details?.endClientIds;
    return Array.isArray(ids) && ids.every((id) => typeof id === "string") ? ids : null;
  }
}

export function describeTruliooError(body: unknown) {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    const code = typeof b.code === "number" ? b.code : null;
    const message =
      typeof b.message === "string"
        ? b.message
        : typeof b.error === "string"
          ? b.error
          : code !== null
            ? (TRULIOO_ERROR_CODES[code] ?? null)
            : null;
    const details = b.details && typeof b.details === "object" ? (b.details as Record<string, unknown>) : null;
    return { code, message, details };
  }
  return { code: null, message: typeof body === "string" && body ? body.slice(0, 200) : null, details: null };
}
