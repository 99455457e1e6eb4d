import { z } from "zod";
import { filter, ZTokenSchema } from "@/lib/list/filters";
import { defineList } from "@/lib/list/params";
import { EXECUTION_COLUMNS, EXECUTION_DEFAULT_COLUMNS, EXECUTION_PAGE_SIZES, PROVIDERS } from "./list-shape";

export * from "./list-shape";

// The /executions list: Jumio workflow executions and TrustX process instances in one table.

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
  defaultColumns: EXECUTION_DEFAULT_COLUMNS,
  filters: {
    provider: filter.multi(z.enum(PROVIDERS)),
    status: filter.multi(ZTokenSchema),
    decision: filter.multi(ZLabelSchema),
    risk: filter.multi(z.enum(["LOW", "MEDIUM", "HIGH", "NONE"])),
    definition: filter.multi(ZLabelSchema),
    feedback: filter.multi(ZTokenSchema),
    linked: filter.bool(),
    wiped: filter.bool(),
    createdFrom: filter.date(),
    createdTo: filter.date(),
  },
  pageSizes: EXECUTION_PAGE_SIZES,
  defaultPageSize: 50,
});

export type TExecutionListParams = ReturnType<typeof executionList.parse>["params"];
export type TExecutionFilters = TExecutionListParams["filters"];
