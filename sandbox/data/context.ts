// Everything the generators need to rebuild any record from its index, plus the
// arithmetic that ties the three providers' datasets together (contract §4).
import { indexedUuid, uuidIndex } from "./ids";
import { D, unitHash } from "./prng";
import { makeTimeline, type Timeline } from "./timeline";
import { workflows, type WorkflowDef } from "./workflows";

export interface DataOptions {
  seed: number;
  profiles: number;
  jumioAccounts: number;
  trustxInstances: number;
  /** End of the generated window (ms); every generated time is before it. */
  dataEnd: number;
  spanDays: number;
}

export interface DataContext extends DataOptions {
  jumioExecutions: number;
  profileTimeline: Timeline;
  jumioTimeline: Timeline;
  trustxTimeline: Timeline;
  workflows: WorkflowDef[];
}

/** Executions per Jumio account repeat in blocks of four accounts: 3, 1, 2, 1 (7 executions). */
const ACCOUNT_PATTERN = [3, 1, 2, 1] as const;
const PATTERN_PREFIX = [0, 3, 4, 6] as const;
const BLOCK_ACCOUNTS = 4;
const BLOCK_EXECUTIONS = 7;

export const JUMIO_KNOWN_SHARE = 0.6;
export const TRUSTX_KNOWN_SHARE = 0.4;

export function accountExecutions(account: number): { start: number; count: number } {
  const r = account % BLOCK_ACCOUNTS;
  const block = Math.floor(account / BLOCK_ACCOUNTS);
  return { start: block * BLOCK_EXECUTIONS + (PATTERN_PREFIX[r] ?? 0), count: ACCOUNT_PATTERN[r] ?? 1 };
}

export function executionAccount(execution: number): number {
  const off = execution % BLOCK_EXECUTIONS;
  const r = off < 3 ? 0 : off < 4 ? 1 : off < 6 ? 2 : 3;
  return Math.floor(execution / BLOCK_EXECUTIONS) * BLOCK_ACCOUNTS + r;
}

export function makeDataContext(o: DataOptions): DataContext {
  const spanMs = o.spanDays * 86_400_000;
  const jumioExecutions = accountExecutions(o.jumioAccounts).start;
  return {
    ...o,
    jumioExecutions,
    profileTimeline: makeTimeline(o.seed, D.timeline * 10 + 1, o.dataEnd, spanMs, o.profiles),
    jumioTimeline: makeTimeline(o.seed, D.timeline * 10 + 2, o.dataEnd, spanMs, jumioExecutions),
    trustxTimeline: makeTimeline(o.seed, D.timeline * 10 + 3, o.dataEnd, spanMs, o.trustxInstances),
    workflows: workflows(o.seed, o.dataEnd - spanMs),
  };
}

export function clientId(ctx: DataContext, index: number): string {
  return indexedUuid(ctx.seed, D.clientId, index);
}

/** Decodes generated client ids, including "extra" ones created past the base count. */
export function clientIndex(ctx: DataContext, id: string, limit = ctx.profiles): number | undefined {
  return uuidIndex(ctx.seed, D.clientId, id, limit);
}

export function jumioAccountKnown(ctx: DataContext, account: number): boolean {
  return unitHash(ctx.seed, D.jumioKnown, account) < JUMIO_KNOWN_SHARE;
}

/** The profile a Jumio account belongs to (account a ↔ profile a), if any. */
export function accountProfile(ctx: DataContext, account: number): number | undefined {
  return account < ctx.profiles && account < ctx.jumioAccounts && jumioAccountKnown(ctx, account) ? account : undefined;
}

export function profileAccount(ctx: DataContext, profile: number): number | undefined {
  return accountProfile(ctx, profile);
}

/** The profile a TrustX instance was sent to, if any. */
export function instanceProfile(ctx: DataContext, instance: number): number | undefined {
  if (ctx.profiles === 0) return undefined;
  return unitHash(ctx.seed, D.trustxKnown, instance) < TRUSTX_KNOWN_SHARE ? instance % ctx.profiles : undefined;
}
