import { ProviderAuthError, ProviderHttpError, type TProviderName } from "./errors";

export type TIssuedToken = { token: string; expiresInSeconds: number };

/**
 * Holds one bearer token and renews it at 80 % of its lifetime (contract §0.4), with one renewal in
 * flight at a time however many calls ask at once.
 */
export class TokenCache {
  private token: string | null = null;
  private renewAt = 0;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly issue: () => Promise<TIssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.now() < this.renewAt) return this.token;
    this.pending ??= this.issue()
      .then(({ token, expiresInSeconds }) => {
        this.token = token;
        this.renewAt = this.now() + expiresInSeconds * 1000 * 0.8;
        return token;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** Drops a token the server refused, so the next get() issues a new one. */
  invalidate(token?: string): void {
    if (!token || token === this.token) {
      this.token = null;
      this.renewAt = 0;
    }
  }
}

/** A token cache whose issuing call reports refused credentials (a 4xx) as a ProviderAuthError. */
export function credentialTokens(provider: TProviderName, issue: () => Promise<TIssuedToken>): TokenCache {
  return new TokenCache(async () => {
    try {
      return await issue();
    } catch (error) {
      if (error instanceof ProviderHttpError && error.status < 500) {
        throw new ProviderAuthError(provider, `credentials refused (${error.upstreamMessage ?? error.status})`);
      }
      throw error;
    }
  });
}
