"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import { approveJob, cancelJob, rejectJob, retryFailedItems } from "./decisions";
import { ZApproveJobSchema, ZJobRefSchema, ZRejectJobSchema } from "./schemas";

// The Jobs page's actions. Each checks its permission here and its finer rules (four eyes, the job's
// state, the kind's own permission for a retry) in lib/jobs/decisions.ts.

function revalidate(jobId: string) {
  revalidatePath("/jobs");
  revalidatePath(`/jobs/${jobId}`);
}

export const approveJobAction = authorizedAction(
  { name: "job.approve", permission: "jobs.approve", input: ZApproveJobSchema },
  async (input, ctx) => {
    const result = await approveJob(ctx, input);
    revalidate(input.jobId);
    return result;
  },
);

export const rejectJobAction = authorizedAction(
  { name: "job.reject", permission: "jobs.approve", input: ZRejectJobSchema },
  async (input, ctx) => {
    const result = await rejectJob(ctx, input);
    revalidate(input.jobId);
    return result;
  },
);

export const cancelJobAction = authorizedAction(
  { name: "job.cancel", permission: "jobs.manage", input: ZJobRefSchema },
  async (input, ctx) => {
    const result = await cancelJob(ctx, input);
    revalidate(input.jobId);
    return result;
  },
);

// Seeing the job is enough to reach the action; asking again needs the kind's own permission, checked inside.
export const retryFailedAction = authorizedAction(
  { name: "job.retry", permission: "jobs.read", input: ZJobRefSchema },
  async (input, ctx) => {
    const result = await retryFailedItems(ctx, input);
    revalidate(input.jobId);
    return result;
  },
);
