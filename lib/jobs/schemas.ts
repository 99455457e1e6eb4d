import { z } from "zod";
import { filter, ZTokenSchema } from "@/lib/list/filters";
import { defineList } from "@/lib/list/params";
import {
  JOB_COLUMNS,
  JOB_ITEM_COLUMNS,
  JOB_ITEM_PAGE_SIZES,
  JOB_ITEM_STATES,
  JOB_PAGE_SIZES,
  JOB_STATES,
} from "./list-shape";

export * from "./list-shape";

const ZInstantSchema = z.iso.datetime({ offset: true });

/** /jobs: every job, newest first. */
export const jobList = defineList({
  sorts: { created: ZInstantSchema },
  defaultSort: { key: "created", dir: "desc" },
  tieBreaker: z.tuple([z.uuid()]),
  columns: JOB_COLUMNS,
  defaultColumns: JOB_COLUMNS,
  filters: {
    state: filter.multi(z.enum(JOB_STATES)),
    kind: filter.multi(ZTokenSchema),
    // "Requested by me": read against the signed-in user on the server, never an id from the URL.
    mine: filter.bool(),
  },
  pageSizes: JOB_PAGE_SIZES,
  defaultPageSize: 25,
});
export type TJobListParams = ReturnType<typeof jobList.parse>["params"];
export type TJobFilters = TJobListParams["filters"];

/** /jobs/[id]: the job's items in the order they are worked through. */
export const jobItemList = defineList({
  sorts: { seq: z.number().int().min(0) },
  defaultSort: { key: "seq", dir: "asc" },
  // seq is unique within a job; the job id completes the keyset's (value, id…) form.
  tieBreaker: z.tuple([z.uuid()]),
  columns: JOB_ITEM_COLUMNS,
  defaultColumns: JOB_ITEM_COLUMNS,
  filters: { state: filter.multi(z.enum(JOB_ITEM_STATES)) },
  pageSizes: JOB_ITEM_PAGE_SIZES,
  defaultPageSize: 50,
});
export type TJobItemListParams = ReturnType<typeof jobItemList.parse>["params"];
export type TJobItemFilters = TJobItemListParams["filters"];

export const ZJobIdSchema = z.uuid();
export const ZJobRefSchema = z.object({ jobId: ZJobIdSchema });
export const ZApproveJobSchema = z.object({ jobId: ZJobIdSchema, reason: z.string().trim().max(500).optional() });
export const ZRejectJobSchema = z.object({
  jobId: ZJobIdSchema,
  reason: z.string().trim().min(1, "Give a reason for rejecting.").max(500, "Keep the reason under 500 characters."),
});
