import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { runSyncStages } from "../../lib/sync/run-sync";
import { createIsolatedDatabase } from "../support/db";
import { mismatches, readTruth, report } from "../support/independent-truth";
import { driftFired as sandboxDriftFired, driftNow, startTestSandbox, type TRequestHook } from "../support/sandbox";

/**
 * Paging drift (contract §0.3: offset pages are not snapshots) during INCREMENTAL runs that follow a
 * full sync and find new and changed records upstream. Detail reads are counted at the app's own
 * transport, so "none skipped" and "none read twice" are both measured, not inferred from totals.
 */
describe("paging drift during incremental syncs", () => {
  let sb: Awaited<ReturnType<typeof startTestSandbox>>;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let db: PrismaClient;
  const reads = new Map<string, Map<string, number>>();
  let listCalls = 0;
  let searchCalls = 0;
  let onSearch: ((call: number) => Promise<void>) | null = null;
  let onList: ((call: number, url: URL) => Promise<void>) | null = null;

  const bump = (route: string, id: string) => {
    const byId = reads.get(route) ?? new Map<string, number>();
    byId.set(id, (byId.get(id) ?? 0) + 1);
    reads.set(route, byId);
  };
  const hook: TRequestHook = async (url) => {
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (path.endsWith("/v2/query/clients")) await onList?.(++listCalls, url);
    else if (path.endsWith("/processInstances/search")) await onSearch?.(++searchCalls);
    else if ((m = /\/v2\/query\/client\/([^/]+)$/.exec(path))) bump("E3", decodeURIComponent(m[1]!));
    else if ((m = /\/accounts\/[^/]+\/workflow-executions\/([^/]+)$/.exec(path))) bump("J2", m[1]!);
    else if ((m = /\/processInstances\/([^/]+)\/withParameters$/.exec(path))) bump("X4", m[1]!);
  };
  const run = (kind: "INCREMENTAL" | "FULL") => runSyncStages({ db, pool: isolated.pool, clients: sb.clients, kind, concurrency: 4, batchSize: 25 });
  const readsOf = (route: string) => reads.get(route) ?? new Map<string, number>();
  const driftFired = (provider: "trulioo" | "jumio" | "trustx") => sandboxDriftFired(sb, provider);
  const drift = (provider: "trulioo" | "trustx", mode: "grow" | "shift", count = 1) => driftNow(sb, provider, mode, count);

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 240, seed: 31, jumioAccounts: 80, trustxInstances: 90, jumioProgressMs: 5, trustxActivityMs: 5 }, { onRequest: hook });
    isolated = await createIsolatedDatabase("drift");
    db = isolated.db;
    const first = await run("FULL");
    expect(first.errors).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await sb?.sandbox.close();
    await isolated?.drop();
  });
  beforeEach(() => {
    reads.clear();
    listCalls = 0;
    searchCalls = 0;
    onList = null;
    onSearch = null;
  });

  it("Trulioo: records moving to the end of the order and new ones appended while pages are read are all stored, none read twice", async () => {
    const held = new Map((await db.profile.findMany({ select: { id: true, lastModified: true } })).map((p) => [p.id, p.lastModified.getTime()]));
    // 180 changed upstream, oldest change first: index 0 is also the record the sandbox's "shift" touches.
    // The first half a few per second; the rest at once, as a bulk change does: more than a page
    // within one second of lastModified, the resolution of E2's `after`.
    const changed: string[] = [];
    for (let i = 0; i < 180; i += 1) {
      const { id } = (await sb.control(`/trulioo/clients/by-index/${i}`)) as { id: string };
      await sb.control(`/trulioo/clients/${id}/notes`, { text: `changed ${i}` });
      changed.push(id);
      if (i < 90) await new Promise((r) => setTimeout(r, 25));
    }
    await drift("trulioo", "grow", 3);
    const firedBefore = await driftFired("trulioo");

    // Before list calls 2 to 7: the oldest record still in place moves to the end (shift: the sandbox's
    // fault first, then a note on the next oldest), or one is appended (grow). An offset reader skips
    // one record per shift, and a second pass that drifts too skips again. Calls that start the walk
    // from its beginning (a new pass, a recount) are left alone: a change there is one after the
    // listing, for the next run.
    const movedDuringRun: string[] = [];
    let grown = 0;
    const queue = changed.slice(1);
    let start: string | null = null;
    onList = async (call, url) => {
      const from = url.searchParams.get("after");
      if (call === 1) start = from;
      if (call < 2 || call > 7 || (url.searchParams.get("page") === "0" && from === start)) return;
      if (call === 2) {
        await drift("trulioo", "shift");
        movedDuringRun.push(changed[0]!);
      } else if (call % 2 === 0) {
        const id = queue.shift()!;
        await sb.control(`/trulioo/clients/${id}/notes`, { text: `moved while paging (${call})` });
        movedDuringRun.push(id);
      } else {
        await drift("trulioo", "grow");
        grown += 1;
      }
    };
    const totals = await run("INCREMENTAL");
    onList = null;
    expect(totals.errors).toBe(0);
    expect(listCalls).toBeGreaterThanOrEqual(4);
    expect(grown).toBeGreaterThanOrEqual(1);
    expect((await driftFired("trulioo")) - firedBefore).toBe(1 + grown);

    const truth = await readTruth(sb.env);
    expect(report(await mismatches(db, truth))).toBe("exact");
    // Read: exactly the records that are new or changed since the first sync; each once, except those
    // that moved after we had read them (a new version, read again).
    const due = [...truth.expected.profiles.entries()]
      .filter(([id, p]) => held.get(id) !== (p.lastModified as Date).getTime())
      .map(([id]) => id)
      .sort();
    expect(due.length).toBeGreaterThanOrEqual(180 + 3);
    const e3 = readsOf("E3");
    expect([...e3.keys()].sort()).toEqual(due);
    const twice = [...e3].filter(([, n]) => n > 1).map(([id]) => id);
    for (const id of twice) expect(movedDuringRun, `${id} read ${e3.get(id)} times`).toContain(id);
    for (const n of e3.values()) expect(n).toBeLessThanOrEqual(2);
  }, 120_000);

  it("Trulioo: a run that dies after records moved under it leaves a cursor the next run does not skip past", async () => {
    await sb.control("/faults", undefined, "DELETE");
    // 120 changed at once; while the run pages, the oldest of them move to the end with a time ten
    // minutes on (past the cursor's overlap), and the run dies when it starts over from its beginning
    // (an offset reader's second pass; a keyset reader's recount), after committing batches.
    const changed: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      const { id } = (await sb.control(`/trulioo/clients/by-index/${100 + i}`)) as { id: string };
      await sb.control(`/trulioo/clients/${id}/notes`, { text: `changed again ${i}` });
      changed.push(id);
    }
    let dead = false;
    let start: string | null = null;
    onList = async (call, url) => {
      const from = url.searchParams.get("after");
      if (call === 1) start = from;
      if (dead || (call > 1 && url.searchParams.get("page") === "0" && from === start)) {
        dead = true;
        throw new Error("worker gone (test)");
      }
      if (call === 2) await sb.control("/clock", { advanceMs: 10 * 60_000 });
      if (call >= 2 && call <= 4) await sb.control(`/trulioo/clients/${changed[call - 2]}/notes`, { text: `moved while paging (${call})` });
    };
    try {
      await run("INCREMENTAL").catch(() => undefined);
      expect(dead, "the run died starting over").toBe(true);
      onList = null;
      expect((await run("INCREMENTAL")).errors).toBe(0);
      expect(report(await mismatches(db, await readTruth(sb.env)))).toBe("exact");
    } finally {
      onList = null;
      await sb.control("/clock", { reset: true });
    }
  }, 120_000);

  it("Jumio: executions added at the front while pages are read shift nothing past the reader; the next run has them", async () => {
    for (let i = 0; i < 5; i += 1) await sb.control("/jumio/executions", {});
    await new Promise((r) => setTimeout(r, 100));
    const before = await readTruth(sb.env);
    const firedBefore = await driftFired("jumio");
    await sb.control("/faults", { provider: "jumio", pagingDrift: { count: 3, mode: "grow" } });
    expect((await run("INCREMENTAL")).errors).toBe(0);
    // The incremental reader stops at the first page that is all known and old: past page 1 it reads
    // one or two more, and each spends a charge.
    const launched = (await driftFired("jumio")) - firedBefore;
    expect(launched).toBeGreaterThanOrEqual(1);
    await sb.control("/faults", undefined, "DELETE");
    // Everything upstream before the run is here, each read at most once; the new executions (at the
    // front, behind a newest-first reader) wait for the next run, which the cursor does not skip.
    const held = new Set((await db.execution.findMany({ where: { provider: "JUMIO" }, select: { id: true } })).map((e) => e.id));
    for (const id of before.jumio.keys()) expect(held.has(id), id).toBe(true);
    for (const [id, n] of readsOf("J2")) expect(n, id).toBe(1);
    expect(readsOf("J2").size).toBeGreaterThanOrEqual(5);
    await new Promise((r) => setTimeout(r, 100));
    expect((await run("INCREMENTAL")).errors).toBe(0);
    const truth = await readTruth(sb.env);
    expect(truth.jumio.size).toBe(before.jumio.size + launched);
    expect(report(await mismatches(db, truth))).toBe("exact");
  }, 120_000);

  it("TrustX: instances created while pages are read land after the reader (oldest first) and are stored in the same run", async () => {
    // 110 new instances, so the incremental window spans two pages. The sandbox's drift fault acts on
    // X5 only and the sync reads X6 (search, oldest first), so the drift is made here: before the
    // second search page, two more instances are created (the fault, spent on X5).
    await drift("trustx", "grow", 110);
    onSearch = async (call) => {
      if (call === 2) await drift("trustx", "grow", 2);
    };
    expect((await run("INCREMENTAL")).errors).toBe(0);
    expect(searchCalls).toBeGreaterThanOrEqual(2);
    const truth = await readTruth(sb.env);
    expect(truth.trustx.size).toBe(90 + 112);
    expect(report(await mismatches(db, truth))).toBe("exact");
    for (const [id, n] of readsOf("X4")) expect(n, id).toBe(1);
    expect(readsOf("X4").size).toBeGreaterThanOrEqual(112);
  }, 120_000);
});
