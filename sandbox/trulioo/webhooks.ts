// Trulioo's Event Dispatcher (contract §1.4): a URL-verification handshake per target,
// repeated until it succeeds; then one signed POST per event, retried with an
// increasing `retry`, plus a configurable share of byte-identical duplicates.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { SandboxConfig } from "../config";
import type { Scheduler } from "../runtime/scheduler";
import type { Stats } from "../runtime/stats";

export const EVENT_TYPES = [
  "FLOW_START", "STEP_INIT", "STEP_SUBMIT", "SERVICE_INIT", "INTERMEDIATE_EVENT_RECEIVED", "SERVICE_SUBMIT",
  "INSTANT_SERVICE_SUBMIT", "SERVICE_TIMEOUT", "FLOW_END", "ABANDONED", "MANUALLY_ACCEPTED", "MANUALLY_REJECTED",
  "MANUALLY_PENDING_REVIEW", "MANUALLY_ABANDONED", "NOTE_ADDED", "TASK_ADDED", "TASK_DONE", "TASK_UNDONE",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventInput {
  type: EventType;
  clientId: string;
  flowId: string;
  test: boolean;
  nodeId?: string;
  serviceType?: string;
  serviceData?: Record<string, unknown>;
  stepData?: Record<string, unknown>;
}

export type Envelope = Record<string, unknown> & { id: string; retry: number };

const RETRY_DELAYS_S = [1, 2, 4, 8, 16];
const MAX_QUEUE = 10_000;
const LOG_SIZE = 500;

interface Target {
  url: string;
  verified: boolean;
  queue: Envelope[];
  cancelHandshake?: () => void;
}

export interface DeliveryLog {
  url: string;
  kind: "handshake" | "event" | "duplicate";
  eventId?: string;
  eventType?: string;
  retry?: number;
  status: number | string;
  at: string;
}

export function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

export class TruliooWebhooks {
  private targets = new Map<string, Target>();
  readonly log: DeliveryLog[] = [];

  constructor(
    private readonly cfg: SandboxConfig,
    private readonly scheduler: Scheduler,
    private readonly stats: Stats,
    private readonly nowSeconds: () => number,
  ) {}

  get urls(): string[] {
    return [...this.targets.keys()];
  }

  setTargets(urls: string[]): void {
    for (const [url, t] of this.targets) {
      if (!urls.includes(url)) {
        t.cancelHandshake?.();
        this.targets.delete(url);
      }
    }
    for (const url of urls) {
      if (this.targets.has(url)) continue;
      const target: Target = { url, verified: false, queue: [] };
      this.targets.set(url, target);
      void this.handshake(target);
    }
  }

  emit(input: EventInput): Envelope {
    const env: Envelope = {
      id: randomUUID(),
      token: this.cfg.credentials.truliooWebhookToken,
      type: "EVENT_CALLBACK",
      event: { type: input.type, ts: this.nowSeconds(), user: input.clientId },
      flowId: input.flowId,
      ...(input.nodeId ? { nodeId: input.nodeId } : {}),
      userId: input.clientId,
      ...(input.serviceType ? { serviceType: input.serviceType } : {}),
      test: input.test,
      retry: 0,
      ...(input.serviceData ? { serviceData: input.serviceData } : {}),
      ...(input.stepData ? { stepData: input.stepData } : {}),
    };
    this.stats.inc(`webhooks.emitted.${input.type}`);
    for (const t of this.targets.values()) {
      if (t.verified) this.dispatch(t, env);
      else if (t.queue.length < MAX_QUEUE) t.queue.push(env);
      else this.stats.inc("webhooks.dropped");
    }
    return env;
  }

  snapshot(): Record<string, unknown> {
    return { targets: [...this.targets.values()].map((t) => ({ url: t.url, verified: t.verified, queued: t.queue.length })) };
  }

  private record(entry: Omit<DeliveryLog, "at">): void {
    this.log.push({ ...entry, at: new Date().toISOString() });
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }

  private async post(url: string, body: string): Promise<{ status: number; text: string } | { error: string }> {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-trulioo-signature": sign(this.cfg.credentials.truliooWebhookSecret, body), "user-agent": "Trulioo-Event-Dispatcher/sandbox" },
        body,
        signal: AbortSignal.timeout(this.cfg.webhookTimeoutMs),
      });
      return { status: res.status, text: await res.text() };
    } catch (e) {
      return { error: e instanceof Error ? e.name : "error" };
    }
  }

  private async handshake(target: Target): Promise<void> {
    if (this.targets.get(target.url) !== target) return;
    const challenge = randomBytes(16).toString("hex");
    const body = JSON.stringify({ token: this.cfg.credentials.truliooWebhookToken, challenge, type: "url_verification" });
    const res = await this.post(target.url, body);
    if (this.targets.get(target.url) !== target) return;
    let ok = false;
    if ("status" in res && res.status >= 200 && res.status < 300) {
      const text = res.text.trim();
      try {
        const parsed = JSON.parse(text) as unknown;
        ok = (typeof parsed === "object" && parsed !== null && (parsed as { challenge?: unknown }).challenge === challenge) || parsed === challenge;
      } catch {
        ok = text === challenge;
      }
    }
    this.record({ url: target.url, kind: "handshake", status: "status" in res ? res.status : res.error });
    this.stats.inc(ok ? "webhooks.handshakeOk" : "webhooks.handshakeFailed");
    if (!ok) {
      target.cancelHandshake = this.scheduler.after(this.cfg.handshakeIntervalMs * this.cfg.webhookRetryScale, () => this.handshake(target));
      return;
    }
    target.verified = true;
    for (const env of target.queue.splice(0)) this.dispatch(target, env);
  }

  private dispatch(target: Target, env: Envelope): void {
    void this.attempt(target.url, env, 0);
    if (Math.random() < this.cfg.duplicateShare) {
      // A duplicate carries exactly the bytes of the first attempt, but arrives on its own schedule.
      const bytes = JSON.stringify(env);
      this.scheduler.after(Math.random() * 1000 * this.cfg.webhookRetryScale, async () => {
        const res = await this.post(target.url, bytes);
        this.stats.inc("webhooks.duplicates");
        this.record({ url: target.url, kind: "duplicate", eventId: env.id, eventType: eventType(env), retry: 0, status: "status" in res ? res.status : res.error });
      });
    }
  }

  private async attempt(url: string, env: Envelope, retry: number): Promise<void> {
    const body = JSON.stringify({ ...env, retry });
    const res = await this.post(url, body);
    const ok = "status" in res && res.status >= 200 && res.status < 300;
    this.record({ url, kind: "event", eventId: env.id, eventType: eventType(env), retry, status: "status" in res ? res.status : res.error });
    this.stats.inc(ok ? "webhooks.delivered" : "webhooks.failedAttempts");
    if (ok) return;
    const delay = RETRY_DELAYS_S[retry];
    if (delay === undefined) {
      this.stats.inc("webhooks.gaveUp");
      return;
    }
    this.stats.inc("webhooks.retries");
    this.scheduler.after(delay * 1000 * this.cfg.webhookRetryScale, () => this.attempt(url, env, retry + 1));
  }
}

function eventType(env: Envelope): string {
  const ev = env.event as { type?: unknown } | undefined;
  return String(ev?.type ?? "");
}
