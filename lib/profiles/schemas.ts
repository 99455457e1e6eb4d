import { z } from "zod";
import { filter, ZTokenSchema } from "@/lib/list/filters";
import { defineList } from "@/lib/list/params";
import { PROFILE_COLUMNS, PROFILE_DEFAULT_COLUMNS, PROFILE_PAGE_SIZES, PROFILE_STATUSES, SERVICE_OUTCOMES } from "./list-shape";

export * from "./list-shape";

// The /profiles list's contract, shared by the page (server parse), the table (URL writes), saved
// views and the CSV export.

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
  defaultColumns: PROFILE_DEFAULT_COLUMNS,
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
  pageSizes: PROFILE_PAGE_SIZES,
  defaultPageSize: 50,
});

export type TProfileListParams = ReturnType<typeof profileList.parse>["params"];
export type TProfileSort = TProfileListParams["sort"];
export type TProfileFilters = TProfileListParams["filters"];
