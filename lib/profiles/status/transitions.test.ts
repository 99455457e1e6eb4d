import { describe, expect, it } from "vitest";
import { allowedTargets, checkTransition, statusReasons } from "./transitions";

describe("status transitions (contract P1)", () => {
  it("follows the table, COMPLETED included, and nothing from statuses that end a case", () => {
    expect(allowedTargets("PENDING_REVIEW")).toEqual(["ACCEPTED", "REJECTED"]);
    expect(allowedTargets("COMPLETED")).toEqual(["ACCEPTED", "REJECTED", "PENDING_REVIEW"]);
    expect(allowedTargets("ABANDONED")).toEqual([]);
    expect(allowedTargets("SOMETHING_NEW")).toEqual([]);
  });
  it("calls the same status a no-op and a forbidden one refused with why", () => {
    expect(checkTransition("ACCEPTED", "ACCEPTED")).toEqual({ ok: true, noop: true });
    expect(checkTransition("IN_PROGRESS", "ABANDONED")).toEqual({ ok: true, noop: false });
    expect(checkTransition("NOT_STARTED", "ACCEPTED")).toMatchObject({ ok: false, reason: expect.stringContaining("NOT_STARTED → ACCEPTED") });
  });
  it("reads the configured reasons, or offers the defaults", () => {
    expect(statusReasons(" KYC ok | Fraud |KYC ok|")).toEqual(["KYC ok", "Fraud"]);
    expect(statusReasons(undefined).length).toBeGreaterThan(3);
  });
});
