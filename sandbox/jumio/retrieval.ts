// Jumio Retrieval API V3 (§2.2), J1-J10, under {JUMIO_RETRIEVAL_URL}/api/v1.
import type { ExecutionRecord } from "../data/jumio";
import { isRecord } from "../http/body";
import { json, type Ctx, type Reply } from "../http/context";
import { HttpError, jumioError } from "../http/errors";
import { jumioPaging } from "../http/paging";
import { redirect } from "../http/presign";
import { quirkyListItem, quirkyRecord, quirkyRules, quirkySteps, redirectsToStorage } from "../quirks/jumio";
import type { Router } from "../http/router";
import { requireJumio } from "./auth";
import { launchExecution } from "./lifecycle";
import { listItem, rulesBody, statusBody, stepsBody, transactionRecord } from "./render";
import { partBytes } from "./parts";
import { partStorageUrl, presignedPdfUrl } from "./s3";

export const FEEDBACK_STATUSES = ["NA", "FRAUD", "NOT_FRAUD"] as const;
export const FEEDBACK_REASONS = [
  "NA", "ACCOUNT_TAKEOVER", "COMPANY_POLICY", "FIRST_PARTY_FRAUD", "GOVERNMENT_REGULATIONS", "IDENTITY_FRAUD",
  "INSIDER_FRAUD", "MONEY_LAUNDERING", "PAYMENT_FRAUD", "PHISHING", "SYNTHETIC_ID_FRAUD", "THIRD_PARTY_FRAUD",
] as const;

function execution(ctx: Ctx): ExecutionRecord {
  requireJumio(ctx);
  const rec = ctx.state.jumio.store.inAccount(ctx.params.accountId ?? "", ctx.params.executionId ?? "");
  if (!rec) throw jumioError(404, "Workflow execution not found");
  return rec;
}

function list(ctx: Ctx): Reply {
  requireJumio(ctx);
  const { page, size } = jumioPaging(ctx.query);
  const store = ctx.state.jumio.store;
  if (page > 1 && ctx.state.faults.takeDrift("jumio")) launchExecution(ctx.state);
  const items = store.page((page - 1) * size, size).map((r) => quirkyListItem(ctx.state.quirks, listItem(r, ctx.state.faults.isMalformed("jumio", r.id))));
  return json({ workflowExecutions: items });
}

function record(ctx: Ctx): Reply {
  const rec = execution(ctx);
  return json(quirkyRecord(ctx.state.quirks, transactionRecord(ctx.state.baseUrl, rec, ctx.state.faults.isMalformed("jumio", rec.id))));
}

function pdf(ctx: Ctx): Reply {
  const rec = execution(ctx);
  if (rec.wipedOutAt !== undefined) throw jumioError(404, "The transaction PDF is not available: PII was deleted");
  return json({ presignedUrl: presignedPdfUrl(ctx, rec) });
}

function deleteExecution(ctx: Ctx): Reply {
  const rec = execution(ctx);
  ctx.state.jumio.store.wipe(rec.id);
  ctx.state.stats.inc("jumio.wipedExecutions");
  return json({});
}

function deleteAccount(ctx: Ctx): Reply {
  requireJumio(ctx);
  const account = ctx.params.accountId ?? "";
  const store = ctx.state.jumio.store;
  if (!store.accountExists(account)) throw jumioError(404, "Account not found");
  for (const id of store.executionIdsOf(account)) store.wipe(id);
  ctx.state.stats.inc("jumio.wipedAccounts");
  return json({});
}

async function feedback(ctx: Ctx): Promise<Reply> {
  const rec = execution(ctx);
  let body: unknown;
  try {
    body = await ctx.json();
  } catch (e) {
    throw e instanceof HttpError ? jumioError(e.status, "Request body must be JSON: {\"status\", \"reason\"?}") : e;
  }
  if (!isRecord(body)) throw jumioError(400, "Request body must be a JSON object");
  const { status, reason } = body;
  if (typeof status !== "string" || !(FEEDBACK_STATUSES as readonly string[]).includes(status)) {
    throw jumioError(400, `status is required and must be one of ${FEEDBACK_STATUSES.join(", ")}`);
  }
  if (reason !== undefined && (typeof reason !== "string" || !(FEEDBACK_REASONS as readonly string[]).includes(reason))) {
    throw jumioError(400, `reason must be one of ${FEEDBACK_REASONS.join(", ")}`);
  }
  if (status === "FRAUD" && reason === undefined) throw jumioError(400, "reason is required when status is FRAUD");
  const w = ctx.state.jumio.store.edit(rec.id);
  if (w) w.feedback = reason === undefined ? { status } : { status, reason: reason as string };
  return json({});
}

function part(ctx: Ctx): Reply {
  requireJumio(ctx);
  const { accountId = "", credentialId = "", classifier = "" } = ctx.params;
  const rec = ctx.state.jumio.store.credentialExecution(credentialId);
  const cred = rec && rec.accountId === accountId.toLowerCase() ? rec.credentials.find((c) => c.id === credentialId.toLowerCase()) : undefined;
  const p = cred?.parts.find((x) => x.classifier === classifier);
  if (!rec || !cred || !p || p.classifier === "FACEMAP" || rec.wipedOutAt !== undefined) {
    throw jumioError(404, "Credential part not found");
  }
  if (redirectsToStorage(ctx.state.quirks, rec.id)) return redirect(partStorageUrl(ctx, credentialId, classifier));
  return partBytes(ctx, rec, cred, credentialId, classifier);
}

export function retrievalRoutes(r: Router): void {
  const x = "/api/v1/accounts/:accountId/workflow-executions/:executionId";
  r.get("/api/v1/workflow-executions", list);
  r.get(x, record, { readId: "executionId" });
  r.get(`${x}/status`, (ctx) => json(statusBody(ctx.state.baseUrl, execution(ctx))));
  r.get(`${x}/steps`, (ctx) => {
    const rec = execution(ctx);
    return json(quirkySteps(ctx.state.quirks, rec.id, stepsBody(rec)));
  });
  r.get(`${x}/rules`, (ctx) => {
    const rec = execution(ctx);
    return json(quirkyRules(ctx.state.quirks, rec.id, rulesBody(rec)));
  });
  r.get(`${x}/pdf`, pdf);
  r.delete(x, deleteExecution);
  r.put(`${x}/feedback`, feedback);
  r.delete("/api/v1/accounts/:accountId", deleteAccount);
  r.get("/api/v1/accounts/:accountId/credentials/:credentialId/parts/:classifier", part);
}
