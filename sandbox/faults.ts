// Fault injection (contract §6.5), scoped per provider. Every fault is decided before the
// route handler runs, so an injected 429/5xx/timeout never has a side effect.
import { z } from "zod";
import type { Reply } from "./http/context";
import { providerError, type Provider } from "./http/errors";
import { sleep } from "./runtime/scheduler";
import type { Stats } from "./runtime/stats";
import type { TokenProvider } from "./runtime/tokens";

export const FAULT_PROVIDERS = ["trulioo", "jumio", "trustx"] as const;

const count = z.number().int().min(0).max(1_000_000);
export const faultInputSchema = z.strictObject({
  provider: z.enum(["trulioo", "jumio", "trustx", "all"]).default("all"),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  rate429: z.number().min(0).max(1).optional(),
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  next429: count.optional(),
  next500: count.optional(),
  next503: count.optional(),
  rate5xx: z.number().min(0).max(1).optional(),
  nextTimeouts: count.optional(),
  hangMs: z.number().int().min(0).max(600_000).optional(),
  expireTokens: z.boolean().optional(),
  malformed: z.strictObject({
    clientId: z.string().optional(),
    executionId: z.string().optional(),
    instanceId: z.string().optional(),
  }).optional(),
  pagingDrift: z.strictObject({ count: count, mode: z.enum(["grow", "shift"]).default("grow") }).optional(),
});
export type FaultInput = z.input<typeof faultInputSchema>;

interface Scope {
  latencyMs: number;
  rate429: number;
  retryAfterSeconds: number;
  next429: number;
  next500: number;
  next503: number;
  rate5xx: number;
  nextTimeouts: number;
  hangMs: number | null;
  malformed: Set<string>;
  drift: { remaining: number; mode: "grow" | "shift" };
}

function emptyScope(): Scope {
  return {
    latencyMs: 0, rate429: 0, retryAfterSeconds: 1, next429: 0, next500: 0, next503: 0, rate5xx: 0,
    nextTimeouts: 0, hangMs: null, malformed: new Set(), drift: { remaining: 0, mode: "grow" },
  };
}

export type FaultOutcome = { kind: "pass" } | { kind: "reply"; reply: Reply } | { kind: "hang"; ms: number };

export class FaultController {
  private scopes: Record<TokenProvider, Scope> = { trulioo: emptyScope(), jumio: emptyScope(), trustx: emptyScope() };

  constructor(
    private readonly defaultHangMs: number,
    private readonly stats: Stats,
    private readonly revokeTokens: (provider: TokenProvider) => number,
  ) {}

  /** Applies one fault request; returns a summary of what it did. Throws a ZodError on bad input. */
  configure(input: unknown): Record<string, unknown> {
    const f = faultInputSchema.parse(input);
    const targets: TokenProvider[] = f.provider === "all" ? [...FAULT_PROVIDERS] : [f.provider];
    let revoked = 0;
    for (const p of targets) {
      const s = this.scopes[p];
      if (f.latencyMs !== undefined) s.latencyMs = f.latencyMs;
      if (f.rate429 !== undefined) s.rate429 = f.rate429;
      if (f.retryAfterSeconds !== undefined) s.retryAfterSeconds = f.retryAfterSeconds;
      if (f.next429 !== undefined) s.next429 = f.next429;
      if (f.next500 !== undefined) s.next500 = f.next500;
      if (f.next503 !== undefined) s.next503 = f.next503;
      if (f.rate5xx !== undefined) s.rate5xx = f.rate5xx;
      if (f.nextTimeouts !== undefined) s.nextTimeouts = f.nextTimeouts;
      if (f.hangMs !== undefined) s.hangMs = f.hangMs;
      if (f.pagingDrift) s.drift = { remaining: f.pagingDrift.count, mode: f.pagingDrift.mode };
      if (f.expireTokens) revoked += this.revokeTokens(p);
    }
    // Malformed ids belong to one provider by their kind, whatever scope was named.
    if (f.malformed?.clientId) this.scopes.trulioo.malformed.add(f.malformed.clientId);
    if (f.malformed?.executionId) this.scopes.jumio.malformed.add(f.malformed.executionId);
    if (f.malformed?.instanceId) this.scopes.trustx.malformed.add(f.malformed.instanceId);
    return { applied: targets, revokedTokens: revoked, faults: this.snapshot() };
  }

  clear(provider?: TokenProvider): void {
    if (provider) this.scopes[provider] = emptyScope();
    else this.scopes = { trulioo: emptyScope(), jumio: emptyScope(), trustx: emptyScope() };
  }

  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of FAULT_PROVIDERS) {
      const s = this.scopes[p];
      out[p] = { ...s, hangMs: s.hangMs ?? this.defaultHangMs, malformed: [...s.malformed] };
    }
    return out;
  }

  isMalformed(provider: TokenProvider, id: string): boolean {
    return this.scopes[provider].malformed.has(id);
  }

  /** For list endpoints: consumes one paging-drift charge, if any. */
  takeDrift(provider: TokenProvider): "grow" | "shift" | null {
    const d = this.scopes[provider].drift;
    if (d.remaining <= 0) return null;
    d.remaining--;
    this.stats.inc(`faults.${provider}.pagingDrift`);
    return d.mode;
  }

  async before(provider: Provider, path: string): Promise<FaultOutcome> {
    if (provider !== "trulioo" && provider !== "jumio" && provider !== "trustx") return { kind: "pass" };
    const s = this.scopes[provider];
    if (s.latencyMs > 0) await sleep(s.latencyMs);
    const fire = (kind: string): void => this.stats.inc(`faults.${provider}.${kind}`);
    if (s.nextTimeouts > 0) {
      s.nextTimeouts--;
      fire("timeout");
      return { kind: "hang", ms: s.hangMs ?? this.defaultHangMs };
    }
    const tooMany = (): FaultOutcome => ({
      kind: "reply",
      reply: errorReply(provider, 429, "Too many requests (injected)", path, { "retry-after": String(s.retryAfterSeconds) }),
    });
    if (s.next429 > 0) {
      s.next429--;
      fire("429");
      return tooMany();
    }
    if (s.rate429 > 0 && Math.random() < s.rate429) {
      fire("429");
      return tooMany();
    }
    for (const status of [500, 503] as const) {
      const key = status === 500 ? "next500" : "next503";
      if (s[key] > 0) {
        s[key]--;
        fire(String(status));
        return { kind: "reply", reply: errorReply(provider, status, `Injected ${status}`, path) };
      }
    }
    if (s.rate5xx > 0 && Math.random() < s.rate5xx) {
      const status = [500, 502, 503, 504][Math.floor(Math.random() * 4)] ?? 500;
      fire(String(status));
      return { kind: "reply", reply: errorReply(provider, status, `Injected ${status}`, path) };
    }
    return { kind: "pass" };
  }
}

function errorReply(provider: Provider, status: number, message: string, path: string, headers: Record<string, string> = {}): Reply {
  const err = providerError(provider, status, message, path, headers);
  return { status, body: err.body, headers: err.headers };
}
