import { describe, expect, it } from "vitest";
import { Rng } from "../data/prng";
import { arraySet, compareKeys, mergePage, rangeSet, type IndexSet } from "../trulioo/listQuery";

// Checks the rank arithmetic that pages "generated + overlay" records against a brute-force merge.
describe("mergePage", () => {
  it("matches a brute-force sort for random filters, windows, overlays and pages", () => {
    const rng = new Rng(1234);
    for (let round = 0; round < 300; round++) {
      const n = rng.int(0, 60);
      const time = (i: number): number => 1000 + i * 10 + (i % 3);
      const filtered = rng.chance(0.5);
      const members = Array.from({ length: n }, (_, i) => i).filter(() => !filtered || rng.chance(0.6));
      const set: IndexSet = filtered ? arraySet(Int32Array.from(members)) : rangeSet(n);
      const overlaid = Array.from({ length: n }, (_, i) => i).filter(() => rng.chance(0.2));
      const extra = Array.from({ length: rng.int(0, 8) }, (_, k) => ({
        t: rng.chance(0.3) ? time(rng.int(0, Math.max(0, n - 1))) : rng.int(900, 1000 + n * 10 + 50),
        id: `x${k}`,
      }));
      extra.sort(compareKeys);
      const lo = rng.int(0, n);
      const hi = rng.int(lo, n);
      const offset = rng.int(0, n + 10);
      const limit = rng.int(1, 15);
      const page = mergePage({
        set, lo, hi, overlaid, timeOfIndex: time, idOfIndex: (i) => `b${String(i).padStart(3, "0")}`,
        extra, keyOfExtra: (e) => e, offset, limit,
      });
      const brute = [
        ...members.filter((i) => i >= lo && i < hi && !overlaid.includes(i)).map((i) => ({ t: time(i), id: `b${String(i).padStart(3, "0")}` })),
        ...extra,
      ].sort(compareKeys);
      expect(page.total).toBe(brute.length);
      const got = page.items.map((it) => ("extra" in it ? it.extra.id : `b${String(it.base).padStart(3, "0")}`));
      expect(got).toEqual(brute.slice(offset, offset + limit).map((b) => b.id));
    }
  });
});
