import { describe, expect, it } from "vitest";
import { canonicalAddress, parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");

  it("believes no forwarded header when no proxy is trusted (the default)", () => {
    expect(resolveClientAddress("203.0.113.9", "6.6.6.6", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:127.0.0.1", "6.6.6.6, 7.7.7.7", none)).toBe("127.0.0.1");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.7", "6.6.6.6", proxies)).toBe("198.51.100.7");
  });

  it("walks the chain from the right past trusted proxies only", () => {
    // The client prepended 6.6.6.6 itself; our proxy at 10.1.2.3 appended the real peer 203.0.113.5.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.5, 10.1.2.3", proxies)).toBe("203.0.113.5");
    expect(resolveClientAddress("::1", "2001:db8::1", proxies)).toBe("2001:db8::1");
  });

  it("stops at a malformed hop instead of believing what lies beyond it", () => {
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, not-an-ip", proxies)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 10.0.0.2, 1.2.3.4\r\nX: y", proxies)).toBe("127.0.0.1");
  });

  it("falls back to the socket when a trusted proxy sends no header", () => {
    expect(resolveClientAddress("10.9.9.9", undefined, proxies)).toBe("10.9.9.9");
  });

  it("answers null for a socket without an address", () => {
    expect(resolveClientAddress(undefined, "6.6.6.6", proxies)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("refuses a value that is not an address or range, so a typo cannot silently trust nobody or everybody", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow();
  });

  it("matches v4-mapped v6 peers against v4 ranges", () => {
    expect(parseTrustedProxies("10.0.0.0/8").matches("::ffff:10.0.0.1")).toBe(true);
    expect(parseTrustedProxies("10.0.0.0/8").matches("11.0.0.1")).toBe(false);
  });
});

describe("canonicalAddress", () => {
  it("keeps only real addresses, in canonical form", () => {
    expect(canonicalAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(canonicalAddress("127.0.0.1\nforged")).toBeNull();
    expect(canonicalAddress("x".repeat(100))).toBeNull();
  });
});
