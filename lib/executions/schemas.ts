import { z } from "zod";
import { filter, ZTokenSchema } from "@/lib/list/filters";
import { defineList } from "@/lib/list/params";

// The /executions list: Jumio workflow executions and TrustX process instances in one table.

export const PROVIDERS = ["JUMIO", "TRUSTX"] as const;
export const PROVIDER_LABELS: Record<(typeof PROVIDERS)[number], string> = { JUMIO: "Jumio", TRUSTX: "TrustX" };

export const EXECUTION_COLUMNS = [
  "provider", "id", "status", "decision", "riskScore", "definition", "person", "profile", "created", "completed", "feedback", "wiped",
] as const;
export type TExecutionColumn = (typeof EXECUTION_COLUMNS)[number];

export const EXECUTION_COLUMN_LABELS: Record<TExecutionColumn, string> = {
  provider: "Provider",
  id: "Execution id",
  status: "Status",
  decision: "Decision",
  riskScore: "Risk",
  definition: "Definition",
  person: "Person",
  profile: "Profile",
  created: "Created",
  completed: "Completed",
  feedback: "Fraud feedback",
  wiped: "Wiped",
};

const ZLabelSchema = z.string().regex(/^[A-Za-z0-9 _.-]{1,40}$/);
const ZInstantSchema = z.iso.datetime({ offset: true });

export const executionList = defineList({
  sorts: {
    created: ZInstantSchema,
    // Sorted through coalesce(): a missing completion or score sorts as the lowest value.
    completed: ZInstantSchema.or(z.literal("-infinity")),
    riskScore: z.number().int().min(-1).max(1000),
  },
  defaultSort: { key: "created", dir: "desc" },
  tieBreaker: z.tuple([z.enum(PROVIDERS), z.string().min(1).max(200)]),
  columns: EXECUTION_COLUMNS,
  defaultColumns: ["provider", "id", "status", "decision", "riskScore", "definition", "person", "profile", "created", "completed"],
  filters: {
    provider: filter.multi(z.enum(PROVIDERS)),
    status: filter.multi(ZTokenSchema),
    decision: filter.multi(ZLabelSchema),
    definition: filter.multi(ZLabelSchema),
    feedback: filter.multi(ZTokenSchema),
    linked: filter.bool(),
    wiped: filter.bool(),
    createdFrom: filter.date(),
    createdTo: filter.date(),
  },
  pageSizes: [25, 50, 100],
  defaultPageSize: 50,
});

export type TExecutionListParams = ReturnType<typeof executionList.parse>["params"];
export type TExecutionFilters = TExecutionListParams["filters"];
