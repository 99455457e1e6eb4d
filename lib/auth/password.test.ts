import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword, ZNewPasswordSchema } from "./password";

describe("password hashing", () => {
  it("stores a bcrypt hash, never the password", async () => {
    const hash = await hashPassword("correct horse 42");
    expect(hash).not.toContain("correct horse");
    expect(hash).toMatch(/^\$2[aby]\$11\$/);
    expect(await hashPassword("correct horse 42")).not.toBe(hash);
  });

  it("verifies the right password and rejects others", async () => {
    const hash = await hashPassword("correct horse 42");
    expect(await verifyPassword("correct horse 42", hash)).toBe(true);
    expect(await verifyPassword("correct horse 43", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("rejects every password for an account without a hash", async () => {
    expect(await verifyPassword("anything-at-all-1", null)).toBe(false);
  });

  it("enforces the password policy", () => {
    expect(ZNewPasswordSchema.safeParse("short-1").success).toBe(false);
    expect(ZNewPasswordSchema.safeParse("onlylettershere").success).toBe(false);
    expect(ZNewPasswordSchema.safeParse("123456789012").success).toBe(false);
    expect(ZNewPasswordSchema.safeParse("letters-and-42").success).toBe(true);
  });
});
