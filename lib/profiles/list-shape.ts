import type { TListShape } from "@/lib/list/query-string";

// The profiles list's vocabulary and URL shape without zod, for the browser; schemas.ts builds the
// strict contract on it (lib/profiles/schemas.test.ts holds the two together).

export const PROFILE_STATUSES = ["PENDING_REVIEW", "COMPLETED", "ACCEPTED", "REJECTED", "IN_PROGRESS", "NOT_STARTED", "ABANDONED"] as const;
export const PROFILE_TYPES = ["NORMAL", "BUSINESS"] as const;
export const SERVICE_OUTCOMES = ["ALL_MATCHED", "SOME_FAILED", "PENDING", "NONE"] as const;

export const PROFILE_STATUS_LABELS: Record<string, string> = {
  PENDING_REVIEW: "Waiting for review",
  COMPLETED: "Completed",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  IN_PROGRESS: "In progress",
  NOT_STARTED: "Not started",
  ABANDONED: "Abandoned",
};

export const SERVICE_OUTCOME_LABELS: Record<(typeof SERVICE_OUTCOMES)[number], string> = {
  ALL_MATCHED: "All matched",
  SOME_FAILED: "Some failed",
  PENDING: "Pending",
  NONE: "No services",
};

export const PROFILE_COLUMNS = [
  "name", "id", "status", "profileType", "workflows", "country", "created", "lastModified", "serviceOutcome", "links", "executions", "wiped",
] as const;
export type TProfileColumn = (typeof PROFILE_COLUMNS)[number];

export const PROFILE_COLUMN_LABELS: Record<TProfileColumn, string> = {
  name: "Name",
  id: "Client id",
  status: "Status",
  profileType: "Type",
  workflows: "Workflows",
  country: "Country",
  created: "Created",
  lastModified: "Last modified",
  serviceOutcome: "Services",
  links: "Linked",
  executions: "Executions",
  wiped: "PII wiped",
};

export const PROFILE_DEFAULT_COLUMNS: TProfileColumn[] = ["name", "id", "status", "workflows", "country", "lastModified", "serviceOutcome", "links", "executions"];
export const PROFILE_PAGE_SIZES = [25, 50, 100] as const;

export const PROFILE_LIST_SHAPE: TListShape = {
  defaultSort: "lastModified",
  defaultDir: "desc",
  defaultSize: 50,
  defaultColumns: PROFILE_DEFAULT_COLUMNS,
  filterKinds: {
    status: "multi", workflow: "multi", type: "multi", country: "multi", createdFrom: "date", createdTo: "date",
    modifiedFrom: "date", modifiedTo: "date", outcome: "multi", files: "bool", links: "bool", decision: "multi", wiped: "bool",
  },
};
