import { z } from "zod";
import { filter, ZTokenSchema } from "@/lib/list/filters";
import { defineList } from "@/lib/list/params";

// The /profiles list's contract, shared by the page (server parse), the table (URL writes), saved
// views and the CSV export.

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

const ZDecisionSchema = z.string().regex(/^[A-Za-z0-9 _.-]{1,40}$/);
const ZInstantSchema = z.iso.datetime({ offset: true });

export const profileList = defineList({
  sorts: {
    lastModified: ZInstantSchema,
    created: ZInstantSchema,
    name: z.string().max(200),
    status: z.string().max(40),
    country: z.string().max(8),
  },
  defaultSort: { key: "lastModified", dir: "desc" },
  tieBreaker: z.tuple([z.uuid()]),
  columns: PROFILE_COLUMNS,
  defaultColumns: ["name", "id", "status", "workflows", "country", "lastModified", "serviceOutcome", "links", "executions"],
  filters: {
    status: filter.multi(z.enum(PROFILE_STATUSES)),
    workflow: filter.multi(ZTokenSchema),
    type: filter.multi(ZTokenSchema),
    country: filter.multi(z.string().regex(/^[A-Z]{2}$/)),
    createdFrom: filter.date(),
    createdTo: filter.date(),
    modifiedFrom: filter.date(),
    modifiedTo: filter.date(),
    outcome: filter.multi(z.enum(SERVICE_OUTCOMES)),
    files: filter.bool(),
    links: filter.bool(),
    decision: filter.multi(ZDecisionSchema),
    wiped: filter.bool(),
  },
  pageSizes: [25, 50, 100],
  defaultPageSize: 50,
});

export type TProfileListParams = ReturnType<typeof profileList.parse>["params"];
export type TProfileSort = TProfileListParams["sort"];
export type TProfileFilters = TProfileListParams["filters"];
