import { PROFILE_STATUSES, PROFILE_STATUS_LABELS } from "@/lib/profiles/list-shape";
import type { TChartSeries } from "./schemas";

// The charts' colours: the tiles' hues for statuses, the usual traffic lights for decisions, and a
// fixed cycle for labels we do not know in advance (upstream may add some). Each is ≥ 3:1 on white.

const STATUS_COLORS: Record<(typeof PROFILE_STATUSES)[number], string> = {
  PENDING_REVIEW: "#d97706",
  COMPLETED: "#0284c7",
  ACCEPTED: "#059669",
  REJECTED: "#dc2626",
  IN_PROGRESS: "#7c3aed",
  NOT_STARTED: "#64748b",
  ABANDONED: "#334155",
};

export const STATUS_SERIES: TChartSeries[] = PROFILE_STATUSES.map((key) => ({ key, label: PROFILE_STATUS_LABELS[key] ?? key, color: STATUS_COLORS[key] }));
export const OTHER_STATUS: TChartSeries = { key: "OTHER", label: "Other status", color: "#a16207" };

// Jumio's decision types and TrustX's mapped outcome labels.
const DECISION_COLORS: Record<string, string> = {
  PASSED: "#059669",
  Accepted: "#059669",
  WARNING: "#d97706",
  Review: "#d97706",
  REJECTED: "#dc2626",
  Declined: "#dc2626",
  NOT_EXECUTED: "#64748b",
  Abandoned: "#64748b",
  Error: "#9f1239",
  "In Progress": "#7c3aed",
  Pending: "#0284c7",
};
const CYCLE = ["#0891b2", "#c026d3", "#4d7c0f", "#b45309", "#4338ca", "#be123c"];

/** Series for the given decision labels, most frequent first so the biggest share sits at the bottom. */
export function decisionSeries(totals: Map<string, number>): TChartSeries[] {
  let other = 0;
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key]) => ({ key, label: key, color: DECISION_COLORS[key] ?? CYCLE[other++ % CYCLE.length]! }));
}
