// Record times as a strictly increasing function of the index:
//   t(i) = start + i*step + jitter(i), with 0 <= jitter < step.
// Sorting by time is then sorting by index, and a time window maps to an index range
// found by binary search, so time-filtered lists never scan the dataset.
import { streamSeed } from "./prng";

export interface Timeline {
  readonly count: number;
  readonly start: number;
  readonly end: number;
  readonly step: number;
  at(index: number): number;
  /** Smallest index whose time is > t (count when none). */
  firstAfter(t: number): number;
  /** Smallest index whose time is >= t (count when none). */
  firstAtOrAfter(t: number): number;
}

export function makeTimeline(seed: number, domain: number, endMs: number, spanMs: number, count: number): Timeline {
  const step = Math.max(2, Math.floor(spanMs / Math.max(1, count)));
  const start = endMs - step * count;
  const at = (index: number): number => {
    const jitter = Math.floor((streamSeed(seed, domain, index) / 4294967296) * (step - 1));
    return start + index * step + jitter;
  };
  const lowerBound = (pred: (i: number) => boolean): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    count,
    start,
    end: endMs,
    step,
    at,
    firstAfter: (t) => lowerBound((i) => at(i) > t),
    firstAtOrAfter: (t) => lowerBound((i) => at(i) >= t),
  };
}
