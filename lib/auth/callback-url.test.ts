import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackUrl("/profiles?status=ACCEPTED")).toBe("/profiles?status=ACCEPTED");
  });

  it.each(["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", "/login?x=1", "/\t/evil.example", "/\n/evil.example", "/%09/x".replace("%09", "\t"), "/.//evil.com", "/./\\evil.com", "/a/..//evil.com", "/%2F%2Fevil.com", "/%2f/evil.com", "/%5Cevil.com", "/%252F%252Fevil.com", "/login/../%2F%2Fevil.com", "/%E0%A4%A"])(
    "falls back to / for %s",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
    },
  );

  it("keeps paths that only look odd", () => {
    expect(safeCallbackUrl("/profiles/a%2Fb")).toBe("/profiles/a%2Fb");
    expect(safeCallbackUrl("/a/../profiles")).toBe("/profiles");
  });

  it("falls back for non-strings", () => {
    expect(safeCallbackUrl(["/a", "/b"])).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});
