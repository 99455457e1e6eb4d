import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { BACKLOG_BANDS, OVERVIEW_RANGES, addDays, backlogDays, dayOf, periodsOf, shiftPeriod, type TOverviewRange, type TPeriod } from "./periods";
import { ZBacklogRowSchema, ZDecisionRowSchema, ZFeedbackRowSchema, ZStatusRowSchema } from "./schemas";

// One SQL per chart, grouped in the database. Buckets are UTC calendar days, weeks (Monday) or months,
// the same days the lists' date filters take, so a bar's link lists exactly the rows the bar counts.

export type TWindow = { range: TOverviewRange; unit: "week" | "month"; periods: TPeriod[]; from: Date; until: Date };

/** The range's periods and the instants that bound them (from inclusive, until exclusive). */
export function windowOf(range: TOverviewRange, now: Date): TWindow {
  const periods = periodsOf(range, now);
  const unit = OVERVIEW_RANGES[range].unit;
  const first = periods[0]!.start;
  const after = shiftPeriod(periods.at(-1)!.start, unit, 1);
  return { range, unit, periods, from: new Date(`${first}T00:00:00Z`), until: new Date(`${after}T00:00:00Z`) };
}

const bucket = (column: string, unit: TWindow["unit"]) =>
  Prisma.sql`to_char(date_trunc(${unit}, ${Prisma.raw(column)} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;

/** Profiles created in each period, by their status now (there is no status history to go by). */
export async function profilesByStatus(w: TWindow) {
  const rows = await getDb().$queryRaw<unknown[]>`
    SELECT ${bucket("created_at", w.unit)} AS period, status, count(*)::int AS count
    FROM profiles
    WHERE created_at >= ${w.from} AND created_at < ${w.until}
    GROUP BY 1, 2`;
  return rows.map((row) => ZStatusRowSchema.parse(row));
}

/** Executions created in each period, per provider and decision; those without a decision yet are left out. */
export async function decisionsByProvider(w: TWindow) {
  const rows = await getDb().$queryRaw<unknown[]>`
    SELECT provider::text AS provider, ${bucket("created_at", w.unit)} AS period, decision_type AS decision, count(*)::int AS count
    FROM executions
    WHERE created_at >= ${w.from} AND created_at < ${w.until} AND decision_type IS NOT NULL
    GROUP BY 1, 2, 3`;
  return rows.map((row) => ZDecisionRowSchema.parse(row));
}

/**
 * Profiles waiting for review, by whole UTC days since their last change: `today` minus the day of
 * last_modified, so a band is a run of days the list's modifiedFrom/modifiedTo can name.
 */
export async function reviewBacklog(now: Date) {
  const today = dayOf(now);
  const bands = BACKLOG_BANDS.map((band) => {
    const { modifiedFrom } = backlogDays(band, today);
    // The bands are ordered oldest-last; the first whose lower day the row reaches is its band.
    return modifiedFrom === undefined ? Prisma.sql`ELSE ${band.key}` : Prisma.sql`WHEN day >= ${modifiedFrom}::date THEN ${band.key}`;
  });
  const rows = await getDb().$queryRaw<unknown[]>`
    SELECT CASE ${Prisma.join(bands, " ")} END AS band, count(*)::int AS count
    FROM (SELECT (last_modified AT TIME ZONE 'UTC')::date AS day FROM profiles WHERE status = 'PENDING_REVIEW') p
    GROUP BY 1`;
  return { today, rows: rows.map((row) => ZBacklogRowSchema.parse(row)) };
}

/**
 * Jumio executions processed in each period (by creation day) and those of them with fraud feedback.
 * Feedback exists only for Jumio, and only a processed execution has a decision to give feedback on.
 */
export async function feedbackRate(w: TWindow) {
  const rows = await getDb().$queryRaw<unknown[]>`
    SELECT ${bucket("created_at", w.unit)} AS period,
           count(*)::int AS processed,
           (count(*) FILTER (WHERE feedback_status IS NOT NULL))::int AS "withFeedback",
           array_agg(DISTINCT feedback_status) FILTER (WHERE feedback_status IS NOT NULL) AS statuses
    FROM executions
    WHERE provider = 'JUMIO' AND status = 'PROCESSED' AND created_at >= ${w.from} AND created_at < ${w.until}
    GROUP BY 1`;
  return rows.map((row) => ZFeedbackRowSchema.parse(row));
}

/** The window's first and last day, for the charts' descriptions. */
export const windowDays = (w: TWindow) => ({ from: w.periods[0]!.start, to: addDays(dayOf(w.until), -1) });
