// The overview charts' time axes, in UTC calendar days: the lists filter by whole UTC days
// (createdFrom/createdTo inclusive), so every bucket here is a run of whole days a link can name.

export const OVERVIEW_RANGES = {
  "12w": { unit: "week", count: 12, label: "12 weeks" },
  "12m": { unit: "month", count: 12, label: "12 months" },
} as const;
export type TOverviewRange = keyof typeof OVERVIEW_RANGES;
export type TPeriodUnit = (typeof OVERVIEW_RANGES)[TOverviewRange]["unit"];
export const DEFAULT_OVERVIEW_RANGE: TOverviewRange = "12w";

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The first day of the period holding `day`; weeks start on Monday, as PostgreSQL's date_trunc('week'). */
export function periodStart(day: string, unit: TPeriodUnit): string {
  if (unit === "month") return `${day.slice(0, 7)}-01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The start of the period `by` periods after (or before, negative) the one starting on `start`. */
export function shiftPeriod(start: string, unit: TPeriodUnit, by: number): string {
  if (unit === "week") return addDays(start, 7 * by);
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + by);
  return dayOf(date);
}

export type TPeriod = {
  /** First day, also the key SQL returns for the bucket. */
  start: string;
  /** Last day, inclusive (what a list's `…To` filter takes). */
  end: string;
  /** Short axis label and the full name for text alternatives. */
  tick: string;
  name: string;
};

const tickWeek = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const tickMonth = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const fullDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const fullMonth = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

// The current period is still filling: its name says so, lest a short last bar read as a drop.
function describe(start: string, unit: TPeriodUnit, current: boolean): TPeriod {
  const end = addDays(shiftPeriod(start, unit, 1), -1);
  const date = new Date(`${start}T00:00:00Z`);
  const name = unit === "week" ? `Week of ${fullDay.format(date)}` : fullMonth.format(date);
  return { start, end, tick: (unit === "week" ? tickWeek : tickMonth).format(date), name: current ? `${name} (so far)` : name };
}

/** The range's periods, oldest first, the last one holding `now` (so it may still be filling). */
export function periodsOf(range: TOverviewRange, now: Date): TPeriod[] {
  const { unit, count } = OVERVIEW_RANGES[range];
  const last = periodStart(dayOf(now), unit);
  return Array.from({ length: count }, (_, i) => describe(shiftPeriod(last, unit, i - count + 1), unit, i === count - 1));
}

/** Bands of the review backlog by whole UTC days since the last change (0 = changed today). */
export const BACKLOG_BANDS = [
  { key: "today", label: "Today", name: "Changed today", minDays: 0, maxDays: 0 },
  { key: "1-2d", label: "1–2 days", name: "Unchanged for 1–2 days", minDays: 1, maxDays: 2 },
  { key: "3-6d", label: "3–6 days", name: "Unchanged for 3–6 days", minDays: 3, maxDays: 6 },
  { key: "7-29d", label: "1–4 weeks", name: "Unchanged for 7–29 days", minDays: 7, maxDays: 29 },
  { key: "30d+", label: "30+ days", name: "Unchanged for 30 days or more", minDays: 30, maxDays: null },
] as const;
export type TBacklogBand = (typeof BACKLOG_BANDS)[number];

/**
 * The last-modified days a band covers, as the profiles list's modifiedFrom/modifiedTo. The newest band
 * has no upper day, so a clock a little ahead upstream still lands in it, as it does in the SQL.
 */
export function backlogDays(band: TBacklogBand, today: string): { modifiedFrom?: string; modifiedTo?: string } {
  return {
    ...(band.maxDays === null ? {} : { modifiedFrom: addDays(today, -band.maxDays) }),
    ...(band.minDays === 0 ? {} : { modifiedTo: addDays(today, -band.minDays) }),
  };
}
