// Jumio executions: generated base records plus an overlay of changed or run-time records.
import { accountExecutions, clientIndex, executionAccount, type DataContext } from "../data/context";
import { accountId, accountIndex, buildExecution, credentialIndex, executionId, executionIndex, type ExecutionRecord, type WorkflowStatus } from "../data/jumio";
import { UUID_RE } from "../data/ids";

export class ExecutionStore {
  private readonly overlay = new Map<string, ExecutionRecord>();
  /** Run-time executions, oldest first. */
  private readonly created: ExecutionRecord[] = [];
  /** Virtual generator index of each run-time execution (for rebuilding it on status changes). */
  private readonly virtualIndex = new Map<string, { e: number; account: number; personIndex?: number }>();
  private readonly createdByAccount = new Map<string, string[]>();
  private readonly credentialOwner = new Map<string, string>();
  private extraExecutions = 0;
  private extraAccounts = 0;

  constructor(
    readonly data: DataContext,
    private readonly now: () => number,
  ) {}

  get(id: string): ExecutionRecord | undefined {
    if (!UUID_RE.test(id)) return undefined;
    const o = this.overlay.get(id.toLowerCase());
    if (o) return o;
    const e = executionIndex(this.data, id);
    return e === undefined ? undefined : buildExecution(this.data, e);
  }

  /** The execution when it belongs to the account in the path, else undefined (a 404). */
  inAccount(account: string, id: string): ExecutionRecord | undefined {
    const rec = this.get(id);
    return rec && rec.accountId === account.toLowerCase() ? rec : undefined;
  }

  edit(id: string): ExecutionRecord | undefined {
    const existing = this.overlay.get(id.toLowerCase());
    if (existing) return existing;
    const rec = this.get(id);
    if (rec) this.overlay.set(rec.id, rec);
    return rec;
  }

  accountExists(id: string): boolean {
    return (UUID_RE.test(id) && accountIndex(this.data, id) !== undefined) || this.createdByAccount.has(id.toLowerCase());
  }

  executionIdsOf(account: string): string[] {
    const ids: string[] = [];
    const a = accountIndex(this.data, account);
    if (a !== undefined) {
      const { start, count } = accountExecutions(a);
      for (let e = start; e < start + count; e++) ids.push(executionId(this.data, e));
    }
    return [...ids, ...(this.createdByAccount.get(account.toLowerCase()) ?? [])];
  }

  /** Owning execution of a credential id. */
  credentialExecution(credentialId: string): ExecutionRecord | undefined {
    const owner = this.credentialOwner.get(credentialId.toLowerCase());
    if (owner) return this.get(owner);
    const c = UUID_RE.test(credentialId) ? credentialIndex(this.data, credentialId) : undefined;
    return c === undefined ? undefined : this.get(executionId(this.data, Math.floor(c / 4)));
  }

  get total(): number {
    return this.created.length + this.data.jumioExecutions;
  }

  /** Newest createdAt first: run-time executions, then base ones by descending index. */
  page(offset: number, limit: number): ExecutionRecord[] {
    const out: ExecutionRecord[] = [];
    const n = this.created.length;
    for (let p = offset; p < Math.min(this.total, offset + limit); p++) {
      if (p < n) {
        const rec = this.created[n - 1 - p];
        if (rec) out.push(this.overlay.get(rec.id) ?? rec);
      } else {
        const e = this.data.jumioExecutions - 1 - (p - n);
        const id = executionId(this.data, e);
        out.push(this.overlay.get(id) ?? buildExecution(this.data, e));
      }
    }
    return out;
  }

  /** A new INITIATED execution; an unknown or missing account gets a new account. */
  create(opts: { accountId?: string; reference?: string }): ExecutionRecord {
    const e = this.data.jumioExecutions + this.extraExecutions++;
    let account: number;
    let accId: string;
    const known = opts.accountId ? accountIndex(this.data, opts.accountId) : undefined;
    if (known !== undefined && opts.accountId) {
      account = known;
      accId = opts.accountId.toLowerCase();
    } else if (opts.accountId && this.createdByAccount.has(opts.accountId.toLowerCase())) {
      accId = opts.accountId.toLowerCase();
      account = this.virtualIndex.get(this.createdByAccount.get(accId)?.[0] ?? "")?.account ?? this.data.jumioAccounts;
    } else {
      account = this.data.jumioAccounts + this.extraAccounts++;
      accId = accountId(this.data, account);
    }
    const createdAt = Math.max(this.now(), this.data.dataEnd + 1);
    // An execution for a known Trulioo client shows that client's person, as generated ones do.
    const personIndex = opts.reference ? clientIndex(this.data, opts.reference) : undefined;
    const rec = buildExecution(this.data, e, account, { id: executionId(this.data, e), accountId: accId, createdAt, status: "INITIATED", reference: opts.reference, personIndex });
    rec.index = null;
    this.virtualIndex.set(rec.id, { e, account, personIndex });
    this.created.push(rec);
    this.overlay.set(rec.id, rec);
    const list = this.createdByAccount.get(accId) ?? [];
    list.push(rec.id);
    this.createdByAccount.set(accId, list);
    return rec;
  }

  /** Moves an execution to a new workflow status, rebuilding the parts that depend on it. */
  setStatus(id: string, status: WorkflowStatus): ExecutionRecord | undefined {
    const current = this.edit(id);
    if (!current) return undefined;
    const v = this.virtualIndex.get(current.id);
    const e = v?.e ?? current.index ?? 0;
    const account = v?.account ?? executionAccount(e);
    const rebuilt = buildExecution(this.data, e, account, {
      id: current.id, accountId: current.accountId, createdAt: current.createdAt, status, reference: current.customerInternalReference, personIndex: v?.personIndex,
    });
    const now = Math.max(this.now(), current.createdAt + 1);
    rebuilt.index = current.index;
    rebuilt.startedAt = status === "INITIATED" ? undefined : current.startedAt ?? now;
    rebuilt.completedAt = status === "PROCESSED" || status.endsWith("EXPIRED") ? now : undefined;
    rebuilt.feedback = current.feedback;
    Object.assign(current, rebuilt);
    if (current.wipedOutAt) wipeRecord(current, current.wipedOutAt);
    for (const c of current.credentials) this.credentialOwner.set(c.id, current.id);
    return current;
  }

  wipe(id: string): ExecutionRecord | undefined {
    const rec = this.edit(id);
    if (rec) wipeRecord(rec, rec.wipedOutAt ?? Math.max(this.now(), rec.createdAt + 1));
    return rec;
  }
}

/** PII deletion effects (contract §2.6). Steps and rules are trimmed when rendered. */
export function wipeRecord(rec: ExecutionRecord, at: number): void {
  rec.wipedOutAt = at;
  for (const c of rec.credentials) {
    c.parts = [];
    delete c.clientIp;
  }
  for (const caps of Object.values(rec.capabilities)) for (const cap of caps) cap.data = {};
}
