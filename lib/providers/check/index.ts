import type { TProviderConfigs, TRetryConfig } from "../config";
import type { TProviderName } from "../errors";
import { checkJumio } from "./jumio";
import { checkTrulioo } from "./trulioo";
import { checkTrustx } from "./trustx";
import type { TCheckContext, TCheckOutcome, TCheckReport, TCheckResult } from "./types";

export type { TCheckReport, TCheckResult, TCheckOutcome } from "./types";

export type TCheckOptions = {
  /** The whole check stops starting calls after this long (the providers run side by side). */
  budgetMs?: number;
  /** One call's timeout, at most (the configured PROVIDER_TIMEOUT_MS when lower). */
  callTimeoutMs?: number;
};

const DEFAULT_BUDGET_MS = 50_000;
const DEFAULT_CALL_TIMEOUT_MS = 10_000;
// A go-live check answers in about a minute, so it retries once, briefly, and never sleeps for long on a
// Retry-After: a provider that needs longer is reported as it answered.
const MAX_ATTEMPTS = 2;
const MAX_WAIT_MS = 2_000;

function bounded<T extends TRetryConfig>(config: T, callTimeoutMs: number): T {
  return {
    ...config,
    timeoutMs: Math.min(config.timeoutMs, callTimeoutMs),
    maxAttempts: Math.min(config.maxAttempts, MAX_ATTEMPTS),
    maxDelayMs: Math.min(config.maxDelayMs, MAX_WAIT_MS),
  };
}

function notConfigured(provider: TProviderName): TCheckResult {
  return {
    provider,
    ref: "",
    method: "",
    path: "",
    outcome: "not_configured",
    reached: false,
    status: null,
    durationMs: 0,
    issues: [],
    unknownFields: [],
    note: "not configured (no credentials)",
  };
}

/**
 * Every read the app makes of each configured provider, once, against the real service: nothing is
 * written (no P1-P4, J8-J10, X1-X2). `ok` is true when at least one call ran and every call that ran
 * was accepted; skipped calls and providers that are off do not count against it.
 */
export async function checkProviders(configs: TProviderConfigs, options: TCheckOptions = {}): Promise<TCheckReport> {
  const started = Date.now();
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const ctx: TCheckContext = {
    deadline: started + (options.budgetMs ?? DEFAULT_BUDGET_MS),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_WAIT_MS, Math.max(0, ctx.deadline - Date.now())))),
  };
  const { trulioo, jumio, trustx } = configs;
  const groups = await Promise.all([
    trulioo ? checkTrulioo(bounded(trulioo, callTimeoutMs), ctx) : [notConfigured("trulioo")],
    jumio ? checkJumio(bounded(jumio, callTimeoutMs), ctx) : [notConfigured("jumio")],
    trustx ? checkTrustx(bounded(trustx, callTimeoutMs), ctx) : [notConfigured("trustx")],
  ]);
  const results = groups.flat();
  const counts: Record<TCheckOutcome, number> = { accepted: 0, differs: 0, failed: 0, skipped: 0, not_configured: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return {
    ok: counts.accepted > 0 && counts.differs === 0 && counts.failed === 0,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    results,
    counts,
  };
}
