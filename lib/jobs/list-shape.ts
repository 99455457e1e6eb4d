import type { TListShape } from "@/lib/list/query-string";

// The Jobs lists' vocabulary and URL shape without zod, for the browser (see lib/executions/list-shape.ts).

export const JOB_STATES = ["AWAITING_APPROVAL", "QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED", "REJECTED"] as const;
export type TJobState = (typeof JOB_STATES)[number];
export const JOB_STATE_LABELS: Record<TJobState, string> = {
  AWAITING_APPROVAL: "Awaiting approval",
  QUEUED: "Queued",
  RUNNING: "Running",
  SUCCEEDED: "Succeeded",
  PARTIAL: "Partly failed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
  REJECTED: "Rejected",
};
/** States a job can still leave on its own; the pages refresh while one of these is on screen. */
export const ACTIVE_JOB_STATES: readonly TJobState[] = ["QUEUED", "RUNNING"];
export const FINISHED_JOB_STATES: readonly TJobState[] = ["SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED", "REJECTED"];

export const JOB_ITEM_STATES = ["PENDING", "CLAIMED", "DONE", "FAILED", "SKIPPED"] as const;
export type TJobItemState = (typeof JOB_ITEM_STATES)[number];
export const JOB_ITEM_STATE_LABELS: Record<TJobItemState, string> = {
  PENDING: "Waiting",
  CLAIMED: "In progress",
  DONE: "Done",
  FAILED: "Failed",
  SKIPPED: "Skipped",
};

/** People's names for the kinds in lib/jobs/definitions.ts; an unknown kind shows as it is. */
export const JOB_KIND_LABELS: Record<string, string> = {
  "profiles.bulk_status": "Bulk status change",
  "pii.wipe_account": "PII wipe (Jumio account)",
  "executions.pdf_export": "Transaction PDFs (ZIP)",
};
/** What a kind's subject ids are, so the item list links each to its page. */
export const JOB_KIND_SUBJECTS: Record<string, "profiles" | "executions"> = {
  "profiles.bulk_status": "profiles",
  "pii.wipe_account": "executions",
  "executions.pdf_export": "executions",
};

export const JOB_COLUMNS = ["title", "state", "progress", "rate", "eta", "requestedBy", "created", "finished"] as const;
export type TJobColumn = (typeof JOB_COLUMNS)[number];
export const JOB_COLUMN_LABELS: Record<TJobColumn, string> = {
  title: "Job",
  state: "State",
  progress: "Progress",
  rate: "Rate",
  eta: "ETA",
  requestedBy: "Requested by",
  created: "Created",
  finished: "Finished",
};
export const JOB_PAGE_SIZES = [25, 50, 100] as const;

export const JOB_LIST_SHAPE: TListShape = {
  defaultSort: "created",
  defaultDir: "desc",
  defaultSize: 25,
  defaultColumns: JOB_COLUMNS,
  filterKinds: { state: "multi", kind: "multi", mine: "bool" },
};

export const JOB_ITEM_COLUMNS = ["seq", "subject", "state", "before", "code", "message", "finished"] as const;
export type TJobItemColumn = (typeof JOB_ITEM_COLUMNS)[number];
export const JOB_ITEM_COLUMN_LABELS: Record<TJobItemColumn, string> = {
  seq: "#",
  subject: "Subject",
  state: "Outcome",
  before: "Before",
  code: "Upstream code",
  message: "Message",
  finished: "Finished",
};
export const JOB_ITEM_PAGE_SIZES = [50, 100, 250] as const;

export const JOB_ITEM_LIST_SHAPE: TListShape = {
  defaultSort: "seq",
  defaultDir: "asc",
  defaultSize: 50,
  defaultColumns: JOB_ITEM_COLUMNS,
  filterKinds: { state: "multi" },
};
