"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getProducer, QUEUES } from "@/lib/jobs/boss";
import { getProviderStatus } from "@/lib/providers";
import { ZStartSyncSchema } from "./schemas";
import { errorFields, log } from "@/lib/log";

/** Queues a sync for the worker; the web app never runs one itself. */
export const startSyncAction = authorizedAction(
  { name: "sync.start", permission: "sync.run", input: ZStartSyncSchema },
  async ({ kind }, ctx) => {
    if (!Object.values(getProviderStatus()).some(Boolean)) {
      throw new AppError("CONFLICT", "No provider is configured, so there is nothing to sync.");
    }
    const run = await ctx.db.$transaction(async (tx) => {
      const created = await tx.syncRun.create({ data: { kind, requestedBy: ctx.user.email }, select: { id: true } });
      await recordAudit(tx, ctx.audit({ action: "sync.start", outcome: "SUCCESS", target: { type: "sync_run", id: created.id }, details: { kind } }));
      return created;
    });
    try {
      const boss = await getProducer(getEnv().DATABASE_URL);
      await boss.send(QUEUES.syncRun, { runId: run.id });
    } catch (error) {
      log.error({ action: "sync.start", ...errorFields(error) }, "could not queue the sync");
      await ctx.db.syncRun.update({ where: { id: run.id }, data: { state: "FAILED", finishedAt: new Date(), failure: "Could not be queued for the worker." } });
      throw new AppError("UPSTREAM_UNAVAILABLE", "The job queue is not reachable; the sync was not started.");
    }
    revalidatePath("/sync");
    return run;
  },
);
