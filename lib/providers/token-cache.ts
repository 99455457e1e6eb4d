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
