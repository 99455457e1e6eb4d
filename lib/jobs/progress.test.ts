import { describe, expect, it } from "vitest";
import { formatEta, formatRate, jobProgress, type TJobCounters } from "./progress";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));
const job = (patch: Partial<TJobCounters>): TJobCounters => ({ state: "RUNNING", total: 100, done: 0, failed: 0, skipped: 0, startedAt: at(0), finishedAt: null, ...patch });

describe("job progress", () => {
  it("counts done, failed and skipped as settled, and derives rate and ETA from what was sent", () => {
    const p = jobProgress(job({ done: 30, failed: 10, skipped: 10 }), at(20));
    expect(p).toEqual({ settled: 50, remaining: 50, percent: 50, rate: 2, etaSeconds: 25 });
  });

  it("gives no rate before a second has passed and no ETA once finished", () => {
    expect(jobProgress(job({ done: 5 }), new Date(at(0).getTime() + 200)).rate).toBeNull();
    const finished = jobProgress(job({ state: "SUCCEEDED", done: 100, finishedAt: at(50) }), at(500));
    expect(finished).toMatchObject({ percent: 100, rate: 2, etaSeconds: null });
  });

  it("shows an empty or unstarted job sensibly", () => {
    expect(jobProgress(job({ state: "QUEUED", startedAt: null }), at(5))).toMatchObject({ percent: 0, rate: null, etaSeconds: null });
    expect(jobProgress(job({ total: 0 }), at(5)).percent).toBe(100);
  });

  it("formats rates and ETAs for people", () => {
    expect([formatRate(null), formatRate(0.02), formatRate(2.345), formatRate(123.4)]).toEqual(["—", "<0.1/s", "2.3/s", "123/s"]);
    expect([formatEta(null), formatEta(42), formatEta(600), formatEta(7300)]).toEqual(["—", "42 s", "10 min", "2 h 2 min"]);
  });
});
