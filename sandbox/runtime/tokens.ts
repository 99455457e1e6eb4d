// Bearer tokens for the three providers. Tokens are opaque and per provider; issuing
// a new one never revokes older ones (Trulioo documents this), and revokeAll() is the
// "early token expiry" fault.
import { randomBytes } from "node:crypto";

export type TokenProvider = "trulioo" | "jumio" | "trustx";
export type TokenCheck = "ok" | "missing" | "invalid" | "expired";

interface TokenEntry {
  provider: TokenProvider;
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenEntry>();
  issued = 0;

  issue(provider: TokenProvider, ttlSeconds: number, now: number): { token: string; expiresAt: number } {
    if (this.tokens.size > 50_000) this.prune(now);
    const token = randomBytes(24).toString("base64url");
    const expiresAt = now + ttlSeconds * 1000;
    this.tokens.set(token, { provider, expiresAt });
    this.issued++;
    return { token, expiresAt };
  }

  check(provider: TokenProvider, authorization: string | undefined, now: number): TokenCheck {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (!authorization) return "missing";
    if (!m?.[1]) return "invalid";
    const entry = this.tokens.get(m[1]);
    if (!entry || entry.provider !== provider) return "invalid";
    return now >= entry.expiresAt ? "expired" : "ok";
  }

  /** Expires every live token of the provider (or all providers) right now. */
  revokeAll(now: number, provider?: TokenProvider): number {
    let n = 0;
    for (const entry of this.tokens.values()) {
      if ((!provider || entry.provider === provider) && entry.expiresAt > now) {
        entry.expiresAt = now;
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.tokens.clear();
  }

  get size(): number {
    return this.tokens.size;
  }

  private prune(now: number): void {
    for (const [token, entry] of this.tokens) if (entry.expiresAt < now - 86_400_000) this.tokens.delete(token);
  }
}
