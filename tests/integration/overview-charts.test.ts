import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/db";

// Every bar, bar part and point of the overview's charts links to a list; opened through the lists'
// own URL parse and count, that list holds exactly as many rows as the chart drew. Checked on an
// empty database, on one day of data, and on months of data with the awkward cases: rows on the
// first and last millisecond of a UTC day, statuses and labels the list filters cannot name, executions
// without a decision, feedback on unprocessed executions, a last change a little in the future.

type TCharts = typeof import("../../lib/overview/chart-data");
type TLib = {
  charts: TCharts;
  windowOf: typeof import("../../lib/overview/charts").windowOf;
  profileList: typeof import("../../lib/profiles/schemas").profileList;
  executionList: typeof import("../../lib/executions/schemas").executionList;
  countProfiles: typeof import("../../lib/profiles/queries").countProfiles;
  countExecutions: typeof import("../../lib/executions/queries").countExecutions;
};

// A Tuesday, mid-morning UTC.
const NOW = new Date("2026-12-01T10:00:00.000Z");
const DAY = 86_400_000;
const dayStart = (daysAgo: number) => Date.UTC(2026, 11, 1) - daysAgo * DAY;
const STATUSES = ["PENDING_REVIEW", "COMPLETED", "ACCEPTED", "REJECTED", "IN_PROGRESS", "NOT_STARTED", "ABANDONED", "ON_HOLD"];
const DECISIONS = ["PASSED", "REJECTED", "WARNING", "NOT_EXECUTED", null, "Review (manual)!"];

describe("the overview charts' links", () => {
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let lib: TLib;
  const saved = { ...process.env };

  beforeAll(async () => {
    isolated = await createIsolatedDatabase("overview");
    // The chart queries and the list counts read through the app's own database handle.
    process.env.DATABASE_URL = isolated.url;
    lib = {
      charts: await import("../../lib/overview/chart-data"),
      windowOf: (await import("../../lib/overview/charts")).windowOf,
      profileList: (await import("../../lib/profiles/schemas")).profileList,
      executionList: (await import("../../lib/executions/schemas")).executionList,
      countProfiles: (await import("../../lib/profiles/queries")).countProfiles,
      countExecutions: (await import("../../lib/executions/queries")).countExecutions,
    };
  });
  afterAll(async () => {
    const { getDb, getPool } = await import("../../lib/db");
    await getDb().$disconnect();
    await getPool().end().catch(() => undefined);
    process.env = saved;
    await isolated?.drop();
  });

  async function addProfile(status: string, createdAt: number, lastModified: number) {
    await isolated.pool.query(
      `INSERT INTO profiles (id, status, profile_type, status_manually_changed, owner_ids, created_at, last_modified, raw, content_hash)
       VALUES ($1, $2, 'NORMAL', false, '{}', $3, $4, '{}', 'x')`,
      [randomUUID(), status, new Date(createdAt), new Date(lastModified)],
    );
  }
  async function addExecution(provider: "JUMIO" | "TRUSTX", createdAt: number, status: string, decision: string | null, feedback: string | null) {
    await isolated.pool.query(
      `INSERT INTO executions (provider, id, status, decision_type, created_at, feedback_status, raw, content_hash)
       VALUES ($1, $2, $3, $4, $5, $6, '{}', 'x')`,
      [provider, randomUUID(), status, decision, new Date(createdAt), feedback],
    );
  }

  /** Opens `href` as the list page would and counts its rows. */
  async function listed(href: string): Promise<number> {
    const url = new URL(href, "http://x");
    if (url.pathname === "/profiles") {
      const { params, notices } = lib.profileList.parse(url.searchParams);
      expect(notices).toEqual([]);
      const total = await lib.countProfiles(params);
      expect(total.exact).toBe(true);
      return total.value;
    }
    expect(url.pathname).toBe("/executions");
    const { params, notices } = lib.executionList.parse(url.searchParams);
    expect(notices).toEqual([]);
    const total = await lib.countExecutions(params);
    expect(total.exact).toBe(true);
    return total.value;
  }

  /** Every link of every chart, for both ranges: [what it is, its href, the count the chart shows]. */
  async function everyLink() {
    const links: [string, string | null, number][] = [];
    for (const range of ["12w", "12m"] as const) {
      const w = lib.windowOf(range, NOW);
      const status = await lib.charts.statusChart(w);
      const decisions = await lib.charts.decisionCharts(w);
      for (const [name, chart] of [["status", status], ["JUMIO", decisions.JUMIO], ["TRUSTX", decisions.TRUSTX]] as const) {
        for (const bar of chart.bars) {
          expect(bar.segments.reduce((n, s) => n + s.count, 0)).toBe(bar.total);
          if (bar.total) links.push([`${range} ${name} ${bar.key}`, bar.href, bar.total]);
          for (const s of bar.segments) links.push([`${range} ${name} ${bar.key} ${s.series}`, s.href, s.count]);
        }
      }
      for (const p of await lib.charts.feedbackPoints(w)) {
        links.push([`${range} feedback ${p.key}`, p.href, p.count], [`${range} processed ${p.key}`, p.baseHref, p.base]);
        expect(p.rate).toBe(p.base ? p.count / p.base : null);
      }
    }
    const backlog = await lib.charts.backlogChart(NOW);
    for (const bar of backlog.bars) links.push([`backlog ${bar.key}`, bar.href, bar.total]);
    return links;
  }

  async function expectLinksMatch() {
    const links = await everyLink();
    for (const [what, href, count] of links) {
      if (href === null) continue;
      expect({ what, count: await listed(href) }).toEqual({ what, count });
    }
    return links;
  }

  it("draws empty charts on an empty database, every link opening an empty list", async () => {
    const links = await expectLinksMatch();
    expect(links.every(([, , count]) => count === 0)).toBe(true);
  });

  it("counts one day of data in one bar per chart, exactly as its lists do", async () => {
    // Yesterday (a Monday): the first and the last millisecond of the UTC day.
    for (const at of [dayStart(1), dayStart(1) + DAY - 1]) {
      await addProfile("PENDING_REVIEW", at, at);
      await addProfile("ACCEPTED", at, at);
      await addExecution("JUMIO", at, "PROCESSED", "PASSED", "FRAUD");
      await addExecution("TRUSTX", at, "COMPLETED_ENDED_SUCCESS", "Accepted", null);
    }
    const links = await expectLinksMatch();
    const w = lib.windowOf("12w", NOW);
    const status = await lib.charts.statusChart(w);
    expect(status.bars.filter((b) => b.total > 0).map((b) => [b.key, b.total])).toEqual([["2026-11-30", 4]]);
    const backlog = await lib.charts.backlogChart(NOW);
    expect(backlog.bars.map((b) => b.total)).toEqual([0, 2, 0, 0, 0]);
    expect(links.filter(([what]) => what.startsWith("12w feedback")).map(([, , n]) => n).reduce((a, b) => a + b)).toBe(2);
  });

  it("counts months of data with the awkward cases exactly as the linked lists do", async () => {
    for (let d = 0; d < 420; d += 3) {
      const status = STATUSES[d % STATUSES.length]!;
      // Midnight, late evening, and the last millisecond of the day.
      for (const offset of [0, 22 * 3_600_000, DAY - 1]) {
        const created = dayStart(d) + offset;
        if (created > NOW.getTime()) continue;
        await addProfile(status, created, Math.min(NOW.getTime(), created + (d % 5) * DAY));
        const decision = DECISIONS[(d + offset) % DECISIONS.length] ?? null;
        await addExecution(d % 2 ? "JUMIO" : "TRUSTX", created, d % 4 ? "PROCESSED" : "SESSION_EXPIRED", decision, d % 7 === 0 ? "FRAUD" : d % 11 === 0 ? "NOT_FRAUD" : null);
      }
    }
    // The review backlog at every age band's edges, and one changed "in the future" (an upstream clock ahead).
    for (const daysAgo of [0, 1, 2, 3, 6, 7, 29, 30, 31, 200]) await addProfile("PENDING_REVIEW", dayStart(400), dayStart(daysAgo) + 12 * 3_600_000);
    await addProfile("PENDING_REVIEW", dayStart(400), NOW.getTime() + 2 * 3_600_000);

    const links = await expectLinksMatch();
    // Labels the list cannot filter on are drawn but not linked; everything else is.
    const unlinked = links.filter(([, href, count]) => href === null && count > 0).map(([what]) => what);
    expect(unlinked.length).toBeGreaterThan(0);
    expect(unlinked.every((what) => / OTHER$| Review \(manual\)!$|(JUMIO|TRUSTX) \d{4}-\d{2}-\d{2}$/.test(what))).toBe(true);

    const backlog = await lib.charts.backlogChart(NOW);
    const pending = (await isolated.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM profiles WHERE status = 'PENDING_REVIEW'")).rows[0]!.n;
    expect(backlog.bars.reduce((n, b) => n + b.total, 0)).toBe(pending);
  });
});
