"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import { getEnv } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/boss";
import { errorFields, log } from "@/lib/log";
import { requestAccountWipe } from "./account";
import { ZWipeAccountSchema, ZWipeExecutionSchema, ZWipeProfileSchema } from "./schemas";
import { wipeExecution, wipeProfile } from "./wipe-one";

export const wipeProfileAction = authorizedAction(
  { name: "pii.wipe_profile", permission: "pii.wipe", input: ZWipeProfileSchema },
  async (input, ctx) => {
    const wiped = await wipeProfile(ctx, input);
    revalidatePath(`/profiles/${input.profileId}`);
    revalidatePath("/profiles");
    return wiped;
  },
);

export const wipeExecutionAction = authorizedAction(
  { name: "pii.wipe_execution", permission: "pii.wipe", input: ZWipeExecutionSchema },
  async (input, ctx) => {
    const wiped = await wipeExecution(ctx, input);
    revalidatePath(`/executions/${encodeURIComponent(input.executionId)}`);
    revalidatePath("/executions");
    return wiped;
  },
);

export const wipeAccountAction = authorizedAction(
  { name: "pii.wipe_account", permission: "pii.wipe", input: ZWipeAccountSchema },
  async (input, ctx) => {
    const requested = await requestAccountWipe(ctx, input);
    try {
      await enqueueJob(getEnv().DATABASE_URL, requested.jobId);
    } catch (error) {
      // The job is on record as queued; the worker's recovery check finds a job whose message never arrived.
      log.warn({ jobId: requested.jobId, ...errorFields(error) }, "account wipe job not enqueued; left to the worker's recovery");
    }
    revalidatePath("/jobs");
    return requested;
  },
);
