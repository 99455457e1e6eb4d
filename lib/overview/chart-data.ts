import "server-only";
import { PROFILE_STATUSES } from "@/lib/profiles/list-shape";
import { decisionsByProvider, feedbackRate, profilesByStatus, reviewBacklog, type TWindow } from "./charts";
import { executionsHref, profilesHref } from "./links";
import { BACKLOG_BANDS, backlogDays, type TPeriod } from "./periods";
import type { TBarChart, TChartBar, TChartSegment, TChartSeries, TRatePoint } from "./schemas";
import { OTHER_STATUS, STATUS_SERIES, decisionSeries } from "./series";

// The charts' data as the client charts draw it: every bucket of the window (empty ones too, so the
// axis keeps its rhythm), each part with the link to the list of its rows.

const PROFILES = { one: "profile", many: "profiles" };
const EXECUTIONS = { one: "execution", many: "executions" };
const known = new Set<string>(PROFILE_STATUSES);
const sum = (segments: TChartSegment[]) => segments.reduce((n, s) => n + s.count, 0);
const used = (series: TChartSeries[], bars: TChartBar[]) => series.filter((s) => bars.some((b) => b.segments.some((x) => x.series === s.key)));

export async function statusChart(w: TWindow): Promise<TBarChart> {
  const rows = await profilesByStatus(w);
  const bars = w.periods.map((p): TChartBar => {
    const days = { createdFrom: p.start, createdTo: p.end };
    const inPeriod = rows.filter((r) => r.period === p.start);
    const segments: TChartSegment[] = inPeriod
      .filter((r) => known.has(r.status))
      .sort((a, b) => PROFILE_STATUSES.indexOf(a.status as never) - PROFILE_STATUSES.indexOf(b.status as never))
      .map((r) => ({ series: r.status, count: r.count, href: profilesHref({ ...days, status: [r.status as (typeof PROFILE_STATUSES)[number]] }) }));
    // A status the app does not know yet cannot be filtered on: counted, drawn, but not a link.
    const other = inPeriod.filter((r) => !known.has(r.status)).reduce((n, r) => n + r.count, 0);
    if (other) segments.push({ series: OTHER_STATUS.key, count: other, href: null });
    return { key: p.start, tick: p.tick, name: p.name, total: sum(segments), href: profilesHref(days), segments };
  });
  return { series: used([...STATUS_SERIES, OTHER_STATUS], bars), bars, noun: PROFILES };
}

export async function decisionCharts(w: TWindow): Promise<Record<"JUMIO" | "TRUSTX", TBarChart>> {
  const rows = await decisionsByProvider(w);
  const chart = (provider: "JUMIO" | "TRUSTX"): TBarChart => {
    const mine = rows.filter((r) => r.provider === provider);
    const totals = new Map<string, number>();
    for (const r of mine) totals.set(r.decision, (totals.get(r.decision) ?? 0) + r.count);
    const series = decisionSeries(totals);
    const order = series.map((s) => s.key);
    const bars = w.periods.map((p: TPeriod): TChartBar => {
      const days = { provider: [provider], createdFrom: p.start, createdTo: p.end };
      const segments = mine
        .filter((r) => r.period === p.start)
        .sort((a, b) => order.indexOf(a.decision) - order.indexOf(b.decision))
        .map((r) => ({ series: r.decision, count: r.count, href: executionsHref({ ...days, decision: [r.decision] }) }));
      // The whole bar names its decisions: the chart leaves out executions without one, so must the list.
      const decisions = segments.map((s) => s.series);
      return { key: p.start, tick: p.tick, name: p.name, total: sum(segments), href: decisions.length ? executionsHref({ ...days, decision: decisions }) : null, segments };
    });
    return { series, bars, noun: EXECUTIONS };
  };
  return { JUMIO: chart("JUMIO"), TRUSTX: chart("TRUSTX") };
}

const BACKLOG_SERIES: TChartSeries = { key: "PENDING_REVIEW", label: "Waiting for review", color: "#d97706" };

export async function backlogChart(now: Date): Promise<TBarChart> {
  const { today, rows } = await reviewBacklog(now);
  const bars = BACKLOG_BANDS.map((band): TChartBar => {
    const count = rows.find((r) => r.band === band.key)?.count ?? 0;
    const href = profilesHref({ status: ["PENDING_REVIEW"], ...backlogDays(band, today) });
    return { key: band.key, tick: band.label, name: band.name, total: count, href, segments: count ? [{ series: BACKLOG_SERIES.key, count, href }] : [] };
  });
  return { series: [BACKLOG_SERIES], bars, noun: PROFILES };
}

// Jumio's feedback statuses (provider contract §2.5); a value seen in the data is added, so the
// link's filter names every status the count includes.
const FEEDBACK_STATUSES = ["FRAUD", "NOT_FRAUD", "NA"];

export async function feedbackPoints(w: TWindow): Promise<TRatePoint[]> {
  const rows = await feedbackRate(w);
  const statuses = [...new Set([...FEEDBACK_STATUSES, ...rows.flatMap((r) => r.statuses ?? [])])];
  return w.periods.map((p) => {
    const row = rows.find((r) => r.period === p.start);
    const base = { provider: ["JUMIO" as const], status: ["PROCESSED"], createdFrom: p.start, createdTo: p.end };
    const count = row?.withFeedback ?? 0;
    const processed = row?.processed ?? 0;
    return {
      key: p.start,
      tick: p.tick,
      name: p.name,
      count,
      base: processed,
      rate: processed ? count / processed : null,
      href: executionsHref({ ...base, feedback: statuses }),
      baseHref: executionsHref(base),
    };
  });
}
