import { z } from "zod";
import { DEFAULT_OVERVIEW_RANGE, OVERVIEW_RANGES, type TOverviewRange } from "./periods";

// The overview's contracts: its one URL parameter, the rows its SQL returns (checked, since raw SQL
// has no types of its own), and the chart data the page hands to the client charts.

const RANGE_KEYS = Object.keys(OVERVIEW_RANGES) as [TOverviewRange, ...TOverviewRange[]];

/** `?range=12w|12m`; anything else is the default, as a hand-edited list URL falls back too. */
export const ZOverviewSearchSchema = z.object({
  range: z.enum(RANGE_KEYS).catch(DEFAULT_OVERVIEW_RANGE).default(DEFAULT_OVERVIEW_RANGE),
});

const ZDayTextSchema = z.iso.date();
const ZCountSchema = z.number().int().nonnegative();

export const ZStatusRowSchema = z.object({ period: ZDayTextSchema, status: z.string(), count: ZCountSchema });
export const ZDecisionRowSchema = z.object({
  provider: z.enum(["JUMIO", "TRUSTX"]),
  period: ZDayTextSchema,
  decision: z.string(),
  count: ZCountSchema,
});
export const ZBacklogRowSchema = z.object({ band: z.string(), count: ZCountSchema });
export const ZFeedbackRowSchema = z.object({
  period: ZDayTextSchema,
  processed: ZCountSchema,
  withFeedback: ZCountSchema,
  statuses: z.array(z.string()).nullable(),
});

/** One colour of a stacked chart: a status, a decision. */
export type TChartSeries = { key: string; label: string; color: string };
/** A bar's part for one series; `href` opens the list of exactly these rows (null: no filter can name it). */
export type TChartSegment = { series: string; count: number; href: string | null };
export type TChartBar = {
  key: string;
  /** Axis label, and the full name for text alternatives. */
  tick: string;
  name: string;
  total: number;
  href: string | null;
  segments: TChartSegment[];
};
export type TBarChart = { series: TChartSeries[]; bars: TChartBar[]; noun: { one: string; many: string } };

export type TRatePoint = {
  key: string;
  tick: string;
  name: string;
  /** Processed executions with fraud feedback, and all processed executions, each with its list. */
  count: number;
  base: number;
  rate: number | null;
  href: string | null;
  baseHref: string | null;
};
