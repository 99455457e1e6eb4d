import type { TJobState } from "./list-shape";

// Progress, rate and ETA of a job from its counters, shared by the list and the detail page. Computed
// on the server at render (with its clock), so the browser shows what the server saw and hydrates clean.

export type TJobCounters = {
  state: TJobState;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type TJobProgress = {
  /** Items with an outcome (done, failed or skipped). */
  settled: number;
  remaining: number;
  percent: number;
  /** Items sent and answered per second while it ran; null before it has run long enough to say. */
  rate: number | null;
  /** Seconds left at the current rate, only while running. */
  etaSeconds: number | null;
};

// Under a second of running the rate is noise (one chunk answered in 80 ms is not "1,250 items/s").
const MIN_ELAPSED_MS = 1000;

export function jobProgress(job: TJobCounters, now: Date): TJobProgress {
  const settled = job.done + job.failed + job.skipped;
  const remaining = Math.max(0, job.total - settled);
  const percent = job.total === 0 ? 100 : Math.min(100, Math.floor((settled / job.total) * 100));
  // Items skipped before sending (rules, cancel) took no upstream time: the rate counts what was sent.
  const sent = job.done + job.failed;
  const elapsed = job.startedAt ? (job.finishedAt ?? now).getTime() - job.startedAt.getTime() : 0;
  const rate = job.startedAt && elapsed >= MIN_ELAPSED_MS && sent > 0 ? sent / (elapsed / 1000) : null;
  const etaSeconds = job.state === "RUNNING" && rate ? Math.ceil(remaining / rate) : null;
  return { settled, remaining, percent, rate, etaSeconds };
}

export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  if (rate < 0.1) return "<0.1/s";
  return `${rate >= 10 ? Math.round(rate).toLocaleString("en") : rate.toFixed(1)}/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
