import type { TCursor } from "./params";

/** What a list page hands its table: the rows, where the neighbours are, and the total. */
export type TPageView<T> = {
  rows: T[];
  hasNext: boolean;
  hasPrev: boolean;
  next: TCursor | null;
  prev: TCursor | null;
  isLast: boolean;
  total: { value: number; exact: boolean };
};

/** Counts per value of one filter; `exact` false when they are the planner's estimates. */
export type TFacetCounts = { counts: Record<string, number>; exact: boolean };
