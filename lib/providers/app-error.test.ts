import { describe, expect, it } from "vitest";
import { toAppError } from "./app-error";
import { ProviderAuthError, ProviderDisabledError, ProviderHttpError, ProviderTimeoutError } from "./errors";

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

  it("leaves other errors alone", () => {
    expect(toAppError(new Error("boom"))).toBeNull();
  });
});
