import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackUrl("/profiles?status=ACCEPTED")).toBe("/profiles?status=ACCEPTED");
  });

  it.each(["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", "/login?x=1", "/\t/evil.example", "/\n/evil.example", "/%09/x".replace("%09", "\t")])(
    "falls back to / for %s",
    (value) => {
      expect(safeCallbackUrl(value)).toBe("/");
    },
  );

  it("falls back for non-strings", () => {
    expect(safeCallbackUrl(["/a", "/b"])).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});
