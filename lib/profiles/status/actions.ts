"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/safe-action";
import { getEnv } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/boss";
import { errorFields, log } from "@/lib/log";
import { STATUS_TARGETS } from "@/lib/providers/trulioo/schemas";
import { previewBulkStatus, requestBulkStatus, ZBulkStatusRequestSchema, ZSelectionSchema } from "./bulk";
import { changeProfileStatus, ZChangeStatusSchema } from "./change-one";

export const changeStatusAction = authorizedAction(
  { name: "profile.status_change", permission: "profiles.status", input: ZChangeStatusSchema },
  async (input, ctx) => {
    const changed = await changeProfileStatus(ctx, input);
    revalidatePath(`/profiles/${input.profileId}`);
    revalidatePath("/profiles");
    return changed;
  },
);

// The preview reads only; it shares the bulk change's permission and name, so a refusal is audited as one.
export const previewBulkStatusAction = authorizedAction(
  { name: "profiles.bulk_status", permission: "profiles.bulkStatus", input: z.object({ selection: ZSelectionSchema, status: z.enum(STATUS_TARGETS) }) },
  async (input) => previewBulkStatus(input.selection, input.status),
);

export const requestBulkStatusAction = authorizedAction(
  { name: "profiles.bulk_status", permission: "profiles.bulkStatus", input: ZBulkStatusRequestSchema },
  async (input, ctx) => {
    const requested = await requestBulkStatus(ctx, input);
    if (!requested.awaitingApproval) {
      try {
        await enqueueJob(getEnv().DATABASE_URL, requested.jobId);
      } catch (error) {
        // The job is on record as queued; the worker's recovery check finds a job whose message never arrived.
        log.warn({ jobId: requested.jobId, ...errorFields(error) }, "bulk status job not enqueued; left to the worker's recovery");
      }
    }
    revalidatePath("/jobs");
    return requested;
  },
);
