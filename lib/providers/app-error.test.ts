import { describe, expect, it } from "vitest";
import { toAppError } from "./app-error";
import { ProviderAuthError, ProviderDisabledError, ProviderHttpError, ProviderResponseError, ProviderTimeoutError } from "./errors";
import { TruliooApiError } from "./trulioo/errors";

describe("toAppError", () => {
  it("names a Trulioo code with its documented meaning", () => {
    const error = toAppError(new ProviderHttpError("trulioo", { status: 409, operation: "PUT /end-clients/status", code: 4111 }));
    expect(error).toMatchObject({ code: "UPSTREAM_ERROR", message: "Trulioo 4111: Status transition not permitted." });
    expect(error?.status).toBe(502);
  });

  it("turns a record gone upstream into NOT_FOUND", () => {
    expect(toAppError(new ProviderHttpError("jumio", { status: 404, operation: "GET part" }), "This image")).toMatchObject({
      code: "NOT_FOUND",
      message: "This image is not at Jumio (any more).",
    });
    expect(toAppError(new ProviderHttpError("trulioo", { status: 404, operation: "GET client", code: 4100 }))?.code).toBe("NOT_FOUND");
  });

  it("words timeouts, rate limits, outages, refused credentials and a provider that is off", () => {
    expect(toAppError(new ProviderTimeoutError("trustx", "GET x"))?.message).toBe("TrustX did not answer in time. Try again.");
    expect(toAppError(new ProviderHttpError("jumio", { status: 429, operation: "x" }))?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(toAppError(new ProviderHttpError("jumio", { status: 503, operation: "x" }))?.message).toBe("Jumio failed (HTTP 503). Try again later.");
    expect(toAppError(new ProviderAuthError("trulioo", "refused"))?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(toAppError(new ProviderDisabledError("jumio"))?.message).toBe("Jumio is not configured here.");
  });

  it("names Trulioo's 4100 when a client is gone, and its codes on a failure upstream", () => {
    const gone = toAppError(new ProviderHttpError("trulioo", { status: 404, operation: "PUT /end-clients/status", code: 4100, message: "Client not found" }), "This profile");
    expect(gone).toMatchObject({ code: "NOT_FOUND", message: "Trulioo 4100: Client not found. This profile is not at Trulioo (any more)." });
    expect(toAppError(new ProviderHttpError("trulioo", { status: 504, operation: "x", code: 6504 }))?.message).toBe("Trulioo 6504: Service has timed out. Try again later.");
    expect(toAppError(new TruliooApiError(new ProviderHttpError("trulioo", { status: 409, operation: "x", code: 4111 })))?.message).toBe("Trulioo 4111: Status transition not permitted.");
  });

  it("does not read an HTTP status echoed in the code field as a Trulioo code", () => {
    const error = toAppError(new ProviderHttpError("trulioo", { status: 400, operation: "x", code: 400, message: "status is required" }));
    expect(error?.message).toBe("Trulioo: status is required.");
  });

  it("words Jumio's and TrustX's refusals with their own message, which carry no code", () => {
    expect(toAppError(new ProviderHttpError("jumio", { status: 400, operation: "x", message: "reason is required when status is FRAUD" }))?.message).toBe(
      "Jumio: reason is required when status is FRAUD.",
    );
    expect(toAppError(new ProviderHttpError("trustx", { status: 409, operation: "x", message: "Process instance is finished." }))?.message).toBe("TrustX: Process instance is finished.");
    // Spring's error body can carry an empty message: the status is all there is to say.
    expect(toAppError(new ProviderHttpError("trustx", { status: 400, operation: "x", message: " " }))?.message).toBe("TrustX: refused (HTTP 400).");
    expect(toAppError(new ProviderHttpError("trustx", { status: 404, operation: "x", message: "Not Found" }), "This execution")?.message).toBe("This execution is not at TrustX (any more).");
    expect(toAppError(new ProviderResponseError("jumio", "GET x", [{ path: "a", message: "Required" }], {}))?.message).toBe("Jumio sent an answer we could not read.");
  });

  it("leaves other errors alone", () => {
    expect(toAppError(new Error("boom"))).toBeNull();
  });
});
