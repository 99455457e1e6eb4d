import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isAllowedOrigin, responseSecurityHeaders } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, never inline or eval in production", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades insecure requests over https", () => {
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("isAllowedOrigin", () => {
  const allowed = ["https://desk.example"];
  it("accepts the configured origin only", () => {
    expect(isAllowedOrigin("https://desk.example", allowed)).toBe(true);
    expect(isAllowedOrigin("https://desk.example.evil.com", allowed)).toBe(false);
    expect(isAllowedOrigin("http://desk.example", allowed)).toBe(false);
    expect(isAllowedOrigin("null", allowed)).toBe(false);
    expect(isAllowedOrigin(null, allowed)).toBe(false);
    expect(isAllowedOrigin("not a url", allowed)).toBe(false);
  });
});

describe("responseSecurityHeaders", () => {
  it("adds HSTS only over https and no-store only on APIs", () => {
    expect(responseSecurityHeaders({ path: "/profiles", https: true, csp: "x" })).toEqual({
      "Content-Security-Policy": "x",
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    });
    expect(responseSecurityHeaders({ path: "/api/me", https: false })).toEqual({ "Cache-Control": "no-store" });
  });
});
