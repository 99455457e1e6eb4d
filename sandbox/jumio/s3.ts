// The transaction PDF behind J7: an S3-style presigned URL (no auth, signed, expiring),
// answering 403 with an S3 XML error once expired. In quirks mode J6 images and the PDF of
// quirky executions come from storage URLs of the same kind (README "Quirks mode").
import type { ExecutionRecord } from "../data/jumio";
import { pdfDocument } from "../data/files";
import { raw, type Ctx, type Reply } from "../http/context";
import { checkPresigned, presignQuery, redirect, refuseAuthorization, s3Error } from "../http/presign";
import type { Router } from "../http/router";
import { redirectsToStorage } from "../quirks/jumio";
import { partBytes } from "./parts";

const secret = (ctx: Ctx): string => ctx.state.cfg.credentials.jumioClientSecret;
const presigned = (ctx: Ctx, subject: string): URLSearchParams => presignQuery(secret(ctx), subject, ctx.state.clock.now(), ctx.state.cfg.pdfUrlTtlSeconds);

export function presignedPdfUrl(ctx: Ctx, rec: ExecutionRecord): string {
  return `${ctx.state.baseUrl}/jumio/s3/transaction-pdfs/${rec.id}.pdf?${presigned(ctx, rec.id)}`;
}

/** Where J6 sends a quirky execution's image. The credential id keeps its spelling: the bytes depend on it. */
export function partStorageUrl(ctx: Ctx, credentialId: string, classifier: string): string {
  const subject = `part|${credentialId}|${classifier}`;
  return `${ctx.state.baseUrl}/jumio/s3/credential-images/${encodeURIComponent(credentialId)}/${encodeURIComponent(classifier)}?${presigned(ctx, subject)}`;
}

export function transactionPdf(rec: ExecutionRecord): Buffer {
  const p = rec.person;
  const lines = [
    `Name: ${p.fullName}`,
    `Date of birth: ${p.dob}`,
    `Document: ${p.documentType} ${p.documentNumber} (${p.nationality})`,
    `Workflow execution: ${rec.id}`,
    `Account: ${rec.accountId}`,
    `Status: ${rec.status}`,
    `Decision: ${rec.decision.type} (risk score ${rec.decision.risk?.score ?? -1})`,
    `Created: ${new Date(rec.createdAt).toISOString()}`,
    ...Object.entries(rec.capabilities).map(([cap, list]) => `${cap}: ${list.map((c) => `${c.decision.type}/${c.decision.details.label}`).join(", ")}`),
  ];
  return pdfDocument(`Jumio transaction report - ${p.fullName}`, lines, rec.completedAt ?? rec.createdAt);
}

function pdfReply(ctx: Ctx, id: string): Reply {
  const rec = ctx.state.jumio.store.get(id);
  if (!rec || rec.wipedOutAt !== undefined) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  return raw(transactionPdf(rec), "application/pdf", 200, { "content-disposition": `attachment; filename="jumio-${rec.id}.pdf"` });
}

function download(ctx: Ctx): Reply {
  const quirks = ctx.state.quirks.on;
  // Outside quirks mode this URL keeps its original, more forgiving behaviour.
  const refused = quirks ? refuseAuthorization(ctx) : undefined;
  if (refused) return refused;
  const file = ctx.params.file ?? "";
  const id = file.replace(/\.pdf$/, "");
  const bad = checkPresigned(ctx, secret(ctx), id, file.endsWith(".pdf"));
  if (bad) return bad;
  if (quirks && redirectsToStorage(ctx.state.quirks, id)) {
    return redirect(`${ctx.state.baseUrl}/jumio/s3/storage/transaction-pdfs/${id}.pdf?${presigned(ctx, `object|${id}`)}`);
  }
  return pdfReply(ctx, id);
}

function storedPdf(ctx: Ctx): Reply {
  const file = ctx.params.file ?? "";
  const id = file.replace(/\.pdf$/, "");
  return refuseAuthorization(ctx) ?? checkPresigned(ctx, secret(ctx), `object|${id}`, file.endsWith(".pdf")) ?? pdfReply(ctx, id);
}

function storedPart(ctx: Ctx): Reply {
  const { credentialId = "", classifier = "" } = ctx.params;
  const denied = refuseAuthorization(ctx) ?? checkPresigned(ctx, secret(ctx), `part|${credentialId}|${classifier}`);
  if (denied) return denied;
  const rec = ctx.state.jumio.store.credentialExecution(credentialId);
  const cred = rec?.credentials.find((c) => c.id === credentialId.toLowerCase());
  // Wiped since the URL was issued: the object is gone.
  if (!rec || !cred || rec.wipedOutAt !== undefined || !cred.parts.some((p) => p.classifier === classifier)) {
    return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  }
  return partBytes(ctx, rec, cred, credentialId, classifier);
}

export function s3Routes(r: Router): void {
  r.get("/transaction-pdfs/:file", download);
  r.get("/storage/transaction-pdfs/:file", storedPdf);
  r.get("/credential-images/:credentialId/:classifier", storedPart);
}
