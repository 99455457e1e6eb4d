import { beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { findFeedbackHistory, setExecutionFeedback, ZSetFeedbackSchema } from "../../lib/executions/feedback";
import { runSyncStages } from "../../lib/sync/run-sync";
import { actionContextFor, syncedWorld, type TSyncedWorld } from "../support/synced-world";

// Fraud feedback (issue 16): Jumio first, then the local copy, its history and the audit row together.
describe("fraud feedback", () => {
  const world = syncedWorld("feedback", { profiles: 10, jumioAccounts: 6, trustxInstances: 2, seed: 21 });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  let ctx: TActionContext;
  beforeAll(async () => {
    ({ sb, isolated } = world);
    ctx = await actionContextFor(isolated.db, "ANALYST", "Ana Feedback");
  });

  it("goes to Jumio, then to the local copy with its history (from -> to), and survives a full resync", async () => {
    const { db } = isolated;
    const execution = await db.execution.findFirstOrThrow({ where: { provider: "JUMIO", accountId: { not: null } } });
    await setExecutionFeedback(ctx, ZSetFeedbackSchema.parse({ executionId: execution.id, status: "FRAUD", reason: "IDENTITY_FRAUD" }), sb.clients);
    await setExecutionFeedback(ctx, ZSetFeedbackSchema.parse({ executionId: execution.id, status: "NOT_FRAUD" }), sb.clients);
    const upstream = await sb.clients.jumio!.getExecution(execution.accountId!, execution.id);
    expect(JSON.stringify(upstream)).toContain('"NOT_FRAUD"');
    expect(await db.execution.findUniqueOrThrow({ where: { provider_id: { provider: "JUMIO", id: execution.id } } })).toMatchObject({ feedbackStatus: "NOT_FRAUD", feedbackReason: null });
    const history = await findFeedbackHistory(execution.id);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.toReason])).toEqual([["FRAUD", "NOT_FRAUD", null], [execution.feedbackStatus, "FRAUD", "IDENTITY_FRAUD"]]);
    expect(await db.auditEvent.count({ where: { action: "execution.feedback", targetId: execution.id, outcome: "SUCCESS" } })).toBe(2);
    await runSyncStages({ db, pool: isolated.pool, clients: sb.clients, kind: "FULL", concurrency: 4, batchSize: 10 });
    expect((await db.execution.findUniqueOrThrow({ where: { provider_id: { provider: "JUMIO", id: execution.id } } })).feedbackStatus).toBe("NOT_FRAUD");
  });

  it("takes only the documented pairs: FRAUD with a fraud reason, the others with none", () => {
    expect(ZSetFeedbackSchema.safeParse({ executionId: "x", status: "FRAUD" }).success).toBe(false);
    expect(ZSetFeedbackSchema.safeParse({ executionId: "x", status: "FRAUD", reason: "NA" }).success).toBe(false);
    expect(ZSetFeedbackSchema.safeParse({ executionId: "x", status: "NOT_FRAUD", reason: "PHISHING" }).success).toBe(false);
    expect(ZSetFeedbackSchema.safeParse({ executionId: "x", status: "NA" }).success).toBe(true);
  });

  it("changes nothing locally when Jumio fails, and says so; refuses what is not a Jumio execution", async () => {
    const { db } = isolated;
    const execution = await db.execution.findFirstOrThrow({ where: { provider: "JUMIO", accountId: { not: null }, feedbackStatus: null } });
    await sb.control("/faults", { provider: "jumio", next500: 50 });
    await expect(setExecutionFeedback(ctx, ZSetFeedbackSchema.parse({ executionId: execution.id, status: "FRAUD", reason: "PHISHING" }), sb.clients)).rejects.toMatchObject({ code: "UPSTREAM_ERROR", message: expect.stringContaining("Jumio") });
    await sb.control("/faults", { provider: "jumio", next500: 0 });
    expect((await db.execution.findUniqueOrThrow({ where: { provider_id: { provider: "JUMIO", id: execution.id } } })).feedbackStatus).toBeNull();
    expect(await findFeedbackHistory(execution.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "execution.feedback", targetId: execution.id, outcome: "FAILED" } })).toBe(1);
    const trustx = await db.execution.findFirstOrThrow({ where: { provider: "TRUSTX" } });
    await expect(setExecutionFeedback(ctx, ZSetFeedbackSchema.parse({ executionId: trustx.id, status: "NA" }), sb.clients)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
