// Jumio callbacks (§2.7): one POST per workflow.status change to every configured URL,
// with ?token=… appended, retried on the documented schedule (scaled for tests).
import type { SandboxConfig } from "../config";
import type { ExecutionRecord } from "../data/jumio";
import type { Scheduler } from "../runtime/scheduler";
import type { Stats } from "../runtime/stats";
import { statusBody } from "./render";

const RETRY_DELAYS_S = [40, 60, 100, 160, 240, 340, 460, 600, 760, 940];

export interface CallbackLog {
  url: string;
  executionId: string;
  status: string;
  attempt: number;
  result: number | string;
  at: string;
}

export class JumioCallbacks {
  urls: string[];
  readonly log: CallbackLog[] = [];

  constructor(
    private readonly cfg: SandboxConfig,
    private readonly scheduler: Scheduler,
    private readonly stats: Stats,
    private readonly baseUrl: () => string,
    private readonly nowIso: () => string,
  ) {
    this.urls = [...cfg.jumioCallbackUrls];
  }

  withToken(url: string): string {
    const u = new URL(url);
    if (!u.searchParams.has("token")) u.searchParams.set("token", this.cfg.credentials.jumioCallbackToken);
    return u.toString();
  }

  notify(rec: ExecutionRecord): void {
    const snapshot = statusBody(this.baseUrl(), rec);
    this.stats.inc("callbacks.emitted");
    for (const url of this.urls) void this.attempt(url, snapshot, rec.status, 0);
  }

  private async attempt(url: string, snapshot: Record<string, unknown>, status: string, attempt: number): Promise<void> {
    const body = JSON.stringify({ callbackSentAt: this.nowIso(), ...snapshot });
    let result: number | string;
    try {
      const res = await fetch(this.withToken(url), {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Jumio-Callback/sandbox" },
        body,
        signal: AbortSignal.timeout(this.cfg.webhookTimeoutMs),
      });
      await res.arrayBuffer();
      result = res.status;
    } catch (e) {
      result = e instanceof Error ? e.name : "error";
    }
    const execution = snapshot.workflowExecution as { id?: string } | undefined;
    this.log.push({ url, executionId: execution?.id ?? "", status, attempt, result, at: new Date().toISOString() });
    if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    const ok = typeof result === "number" && result >= 200 && result < 300;
    this.stats.inc(ok ? "callbacks.delivered" : "callbacks.failedAttempts");
    const delay = RETRY_DELAYS_S[attempt];
    if (ok || delay === undefined) return;
    this.scheduler.after(delay * 1000 * this.cfg.jumioRetryScale, () => this.attempt(url, snapshot, status, attempt + 1));
  }
}
