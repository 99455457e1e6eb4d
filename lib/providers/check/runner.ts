import type { z } from "zod";
import { ProviderAuthError, ProviderHttpError, ProviderResponseError, ProviderTimeoutError, type TProviderName } from "../errors";
import { jsonOf, type Recorder, type TExchange } from "./recorder";
import { unknownFields } from "./shape";
import type { TCheckCall, TCheckIssue, TCheckResult } from "./types";

export type TCallSpec = Omit<TCheckCall, "provider">;

export type TRunOptions<T> = {
  /** The app's schema for the raw answer, with plain arrays where the client reads a list leniently. */
  walk?: z.ZodType;
  /** What the parsed answer still gets wrong (items the lenient list set aside, a file that is not one). */
  judge?: (value: T) => TCheckIssue[];
  /** A 404 that is an answer, not a failure (TrustX's "no user data yet"): the words for it. */
  notFoundMeans?: string;
};

/** The provider's token request: how to recognise its exchange, and the schema its answer must meet. */
export type TTokenCall = { call: TCallSpec; url: string; schema: z.ZodType };

const round = (ms: number) => Math.max(0, Math.round(ms));

/** The words for an error, without anything a provider might echo back at length. */
function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof ProviderHttpError) return `HTTP ${error.status}${error.upstreamMessage ? `: ${error.upstreamMessage.slice(0, 160)}` : ""}`;
  if (error instanceof ProviderTimeoutError) {
    // fetch's TypeError carries the network's reason (ECONNREFUSED, ENOTFOUND, a TLS error) one level down.
    const cause = (error.cause as { cause?: { code?: string; message?: string }; name?: string } | undefined) ?? {};
    const network = cause.cause?.code ?? cause.cause?.message;
    if (network) return `no answer (${network.slice(0, 120)})`;
    return cause.name === "TimeoutError" ? `no answer within ${Math.round(timeoutMs / 1000)} s` : "no answer (connection failed)";
  }
  if (error instanceof ProviderAuthError) return error.message.replace(/^\w+: /, "");
  return error instanceof Error ? error.message.slice(0, 200) : "failed";
}

/**
 * Runs one provider's calls in order and turns each into a result line. The token comes with the first
 * call (the clients issue it on demand): its exchange becomes a line of its own, and when it fails every
 * later call is skipped for want of a token.
 */
export class CallRunner {
  readonly results: TCheckResult[] = [];
  private token: "unknown" | "ok" | "failed" = "unknown";

  constructor(
    private readonly provider: TProviderName,
    private readonly recorder: Recorder,
    private readonly tokenCall: TTokenCall,
    private readonly deadline: number,
    private readonly timeoutMs: number,
  ) {}

  get outOfTime(): boolean {
    return Date.now() >= this.deadline;
  }

  /** A call not tried; without a token that is the reason, whatever the caller thought it was. */
  skip(call: TCallSpec, reason: string): void {
    const note = this.token === "failed" ? "no token" : reason;
    this.results.push({ ...call, provider: this.provider, outcome: "skipped", reached: false, status: null, durationMs: 0, issues: [], unknownFields: [], note });
  }

  async run<T>(call: TCallSpec, fn: () => Promise<T>, options: TRunOptions<T> = {}): Promise<T | null> {
    const refusal = this.token === "failed" ? "no token" : this.outOfTime ? "the check ran out of time" : null;
    if (refusal) {
      this.skip(call, refusal);
      return null;
    }
    const from = this.recorder.exchanges.length;
    const started = performance.now();
    let value: T | undefined;
    let error: unknown;
    try {
      value = await fn();
    } catch (caught) {
      error = caught;
    }
    const wall = performance.now() - started;
    const exchanges = this.recorder.exchanges.slice(from);
    const isToken = (x: TExchange) => x.url.split("?")[0] === this.tokenCall.url;
    const tokenExchanges = exchanges.filter(isToken);
    const callExchanges = exchanges.filter((x) => !isToken(x));
    if (this.token === "unknown" && tokenExchanges.length > 0) {
      const failed = error !== undefined && callExchanges.length === 0;
      this.recordToken(tokenExchanges, failed ? error : undefined);
      if (failed) {
        this.skip(call, "no token");
        return null;
      }
    }
    const last = callExchanges.at(-1);
    const base = {
      ...call,
      provider: this.provider,
      reached: last?.status != null,
      status: last?.status ?? null,
      durationMs: round(wall - tokenExchanges.reduce((sum, x) => sum + x.ms, 0)),
    };
    const unknown = options.walk && last?.status != null && last.status < 300 ? unknownFields(options.walk, jsonOf(last)) : [];
    if (error === undefined) {
      const issues = options.judge?.(value as T) ?? [];
      this.results.push({ ...base, outcome: issues.length ? "differs" : "accepted", issues, unknownFields: unknown, note: null });
      return value as T;
    }
    if (error instanceof ProviderResponseError) {
      this.results.push({ ...base, outcome: "differs", issues: error.issues, unknownFields: unknown, note: null });
    } else if (error instanceof ProviderHttpError && error.status === 404 && options.notFoundMeans) {
      this.results.push({ ...base, outcome: "accepted", issues: [], unknownFields: [], note: options.notFoundMeans });
    } else {
      this.results.push({ ...base, outcome: "failed", issues: [], unknownFields: [], note: reasonOf(error, this.timeoutMs) });
    }
    return null;
  }

  private recordToken(exchanges: TExchange[], error: unknown): void {
    const last = exchanges.at(-1)!;
    const line = {
      ...this.tokenCall.call,
      provider: this.provider,
      reached: last.status !== null,
      status: last.status,
      durationMs: round(exchanges.reduce((sum, x) => sum + x.ms, 0)),
    };
    // The token's body is never kept in the report: only the names of keys the schema does not know.
    const unknown = last.status !== null && last.status < 300 ? unknownFields(this.tokenCall.schema, jsonOf(last)) : [];
    this.token = error === undefined ? "ok" : "failed";
    if (error === undefined) this.results.push({ ...line, outcome: "accepted", issues: [], unknownFields: unknown, note: null });
    else if (error instanceof ProviderResponseError) this.results.push({ ...line, outcome: "differs", issues: error.issues, unknownFields: unknown, note: null });
    else this.results.push({ ...line, outcome: "failed", issues: [], unknownFields: [], note: reasonOf(error, this.timeoutMs) });
  }
}
