"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/safe-action";
import { getEnv } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/boss";
import { errorFields, log } from "@/lib/log";
import { previewPdfExport, requestPdfExport } from "./pdf-request";
import { ZPdfSelectionSchema } from "./pdf-schemas";

// From the page: the list's filter or a range of days (exact ids come only from "Retry the failed ones").
const ZPageSelectionSchema = z.object({
  selection: ZPdfSelectionSchema.refine((s) => !("ids" in s), { message: "Pick the current filter or a date range." }),
});

// The preview reads only; it shares the export's permission and name, so a refusal is audited as one.
export const previewPdfExportAction = authorizedAction(
  { name: "exports.pdf_zip", permission: "exports.pdf", input: ZPageSelectionSchema },
  async (input) => previewPdfExport(input.selection),
);

export const requestPdfExportAction = authorizedAction(
  { name: "exports.pdf_zip", permission: "exports.pdf", input: ZPageSelectionSchema },
  async (input, ctx) => {
    const requested = await requestPdfExport(ctx, input);
    try {
      await enqueueJob(getEnv().DATABASE_URL, requested.jobId);
    } catch (error) {
      // The job is on record as queued; the worker's recovery check finds a job whose message never arrived.
      log.warn({ jobId: requested.jobId, ...errorFields(error) }, "PDF export job not enqueued; left to the worker's recovery");
    }
    revalidatePath("/jobs");
    return requested;
  },
);
