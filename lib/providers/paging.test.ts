import { describe, expect, it } from "vitest";
import { keysetPagesOf } from "./paging";

type TRec = { id: string; t: number };

/** A list ordered by (t, id) with an exclusive lower bound on t, read by offset from it: E2's rules. */
function list(records: TRec[], limit: number, withTotal = true) {
  const calls: { after: number | undefined; page: number }[] = [];
  const fetchPage = async (after: number | undefined, page: number) => {
    calls.push({ after, page });
    const matching = records.filter((r) => after === undefined || r.t > after).sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));
    const items = matching.slice(page * limit, page * limit + limit).map((r) => ({ ...r }));
    return { items, invalid: [], last: (page + 1) * limit >= matching.length, total: withTotal ? matching.length : null };
  };
  return { fetchPage, calls };
}

async function walk(l: ReturnType<typeof list>, onPage: (n: number) => void = () => undefined, start?: number) {
  const got: TRec[] = [];
  const safes: (number | null)[] = [];
  let n = 0;
  for await (const { items, safe } of keysetPagesOf(l.fetchPage, (r) => r.t, { start })) {
    got.push(...items);
    safes.push(safe);
    onPage(++n);
  }
  return { got, safes };
}

const records = (n: number, step = 1000) => Array.from({ length: n }, (_, i) => ({ id: `r${String(i).padStart(3, "0")}`, t: 10_000 + i * step }));

describe("keysetPagesOf", () => {
  it("reads every record once when nothing moves, with one repeated record per page at most", async () => {
    const data = records(23);
    const l = list(data, 5);
    const { got, safes } = await walk(l);
    expect(got.map((r) => r.id)).toEqual(data.map((r) => r.id));
    expect(l.calls.length).toBeLessThanOrEqual(6);
    expect(safes.at(-1)).toBe(data.at(-1)!.t);
  });

  it("misses nothing when the first record moves to the end while pages are read (offset pages would skip one)", async () => {
    const data = records(23);
    const l = list(data, 5);
    const { got } = await walk(l, (n) => {
      // After each page, the oldest record still in its place is touched: it moves behind everything.
      if (n <= 3) data.find((r) => r.id === `r00${n - 1}`)!.t = 1_000_000 + n;
    });
    const ids = new Set(got.map((r) => r.id));
    expect([...ids].sort()).toEqual(data.map((r) => r.id).sort());
    // Each moved record comes twice (old and new version); nothing else does.
    expect(got.length).toBe(data.length + 3);
    expect(got.filter((r) => r.t > 1_000_000).map((r) => r.id).sort()).toEqual(["r000", "r001", "r002"]);
  });

  it("takes offsets within one resolution step that holds more than a page, then moves on", async () => {
    const data = [...Array.from({ length: 12 }, (_, i) => ({ id: `s${String(i).padStart(2, "0")}`, t: 50_000 })), ...records(4, 2000)];
    const l = list(data, 5);
    const { got } = await walk(l, () => undefined, 0);
    expect(got.map((r) => r.id).sort()).toEqual(data.map((r) => r.id).sort());
    expect(l.calls.some((c) => c.page > 0)).toBe(true);
  });

  it.each([true, false])("inside a step that holds more than a page, a record moving out is caught by the recount and a second walk (total given: %s)", async (withTotal) => {
    const data = [...records(3, 2000), ...Array.from({ length: 17 }, (_, i) => ({ id: `s${String(i).padStart(2, "0")}`, t: 50_000 }))];
    const l = list(data, 5, withTotal);
    const safes: (number | null)[] = [];
    const got = new Set<string>();
    let n = 0;
    for await (const { items, safe } of keysetPagesOf(l.fetchPage, (r) => r.t, { start: 0 })) {
      items.forEach((r) => got.add(r.id));
      safes.push(safe);
      // While the walk takes offsets within t = 50,000, the first record there moves to the end.
      if (++n === 2) data.find((r) => r.id === "s00")!.t = 90_000;
    }
    expect([...got].sort()).toEqual(data.map((r) => r.id).sort());
    const recounts = l.calls.filter((c, i) => i > 0 && c.after === 0 && c.page === 0);
    expect(recounts.length).toBeGreaterThanOrEqual(1);
    // Until the recount, the cursor may not pass the step it took offsets in.
    const beforeRecount = safes.slice(0, l.calls.indexOf(recounts[0]!));
    for (const safe of beforeRecount) expect(safe === null || safe < 50_000).toBe(true);
    expect(safes.at(-1)).toBe(90_000);
  });

  it("never reports a safe point past a record it has not yielded", async () => {
    const data = records(40);
    const l = list(data, 5);
    const yielded = new Set<string>();
    for await (const { items, safe } of keysetPagesOf(l.fetchPage, (r) => r.t)) {
      items.forEach((r) => yielded.add(r.id));
      if (safe !== null) for (const r of data) if (r.t <= safe) expect(yielded.has(r.id), `${r.id} at ${r.t} <= ${safe}`).toBe(true);
      data[39 - yielded.size % 7]!.t += 7; // records ahead of us keep changing
    }
  });
});
