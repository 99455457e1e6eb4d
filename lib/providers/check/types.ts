import type { TProviderName } from "../errors";

/**
 * accepted: answered 2xx and the app's schema took it. differs: answered, but the schema refused it (or a
 * file was not what it said). failed: no answer, or an error status. skipped: not tried, with the reason.
 */
export type TCheckOutcome = "accepted" | "differs" | "failed" | "skipped" | "not_configured";

export type TCheckIssue = { path: string; message: string };

export type TCheckCall = {
  provider: TProviderName;
  /** The contract's reference: E1…E4, J1…J7, X3…X7, or the section of the token call. */
  ref: string;
  method: string;
  /** The path template called, as configured (placeholders unfilled: no ids, no secrets). */
  path: string;
};

export type TCheckResult = TCheckCall & {
  outcome: TCheckOutcome;
  /** An HTTP answer came back (whatever its status). */
  reached: boolean;
  status: number | null;
  durationMs: number;
  issues: TCheckIssue[];
  /** Keys of the raw JSON the app's schema does not know (informational: they never fail a call). */
  unknownFields: string[];
  /** Why it failed or was skipped, or what an accepted answer meant (e.g. "no user data yet"). */
  note: string | null;
};

export type TCheckReport = {
  ok: boolean;
  startedAt: string;
  durationMs: number;
  results: TCheckResult[];
  counts: Record<TCheckOutcome, number>;
};

/** What every provider's run shares: when to stop, and how to wait between retries (bounded by the check). */
export type TCheckContext = { deadline: number; sleep: (ms: number) => Promise<void> };
