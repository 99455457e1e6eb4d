// The transaction PDF behind J7: an S3-style presigned URL (no auth, signed, expiring),
// answering 403 with an S3 XML error once expired.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ExecutionRecord } from "../data/jumio";
import { pdfDocument } from "../data/files";
import { raw, type Ctx, type Reply } from "../http/context";
import type { Router } from "../http/router";

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function sign(secret: string, id: string, date: string, expires: string): string {
  return createHmac("sha256", secret).update(`${id}|${date}|${expires}`).digest("hex");
}

export function presignedPdfUrl(ctx: Ctx, rec: ExecutionRecord): string {
  const date = amzDate(ctx.state.clock.now());
  const expires = String(ctx.state.cfg.pdfUrlTtlSeconds);
  const q = new URLSearchParams({
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Date": date,
    "X-Amz-Expires": expires,
    "X-Amz-SignedHeaders": "host",
    "X-Amz-Signature": sign(ctx.state.cfg.credentials.jumioClientSecret, rec.id, date, expires),
  });
  return `${ctx.state.baseUrl}/jumio/s3/transaction-pdfs/${rec.id}.pdf?${q}`;
}

function s3Error(status: number, code: string, message: string): Reply {
  return raw(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`, "application/xml", status);
}

function parseAmzDate(v: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : Number.NaN;
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

function download(ctx: Ctx): Reply {
  const file = ctx.params.file ?? "";
  const id = file.replace(/\.pdf$/, "");
  const date = ctx.query.get("X-Amz-Date") ?? "";
  const expires = ctx.query.get("X-Amz-Expires") ?? "";
  const expected = Buffer.from(sign(ctx.state.cfg.credentials.jumioClientSecret, id, date, expires));
  const given = Buffer.from(ctx.query.get("X-Amz-Signature") ?? "");
  if (!file.endsWith(".pdf") || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  }
  const issued = parseAmzDate(date);
  if (!Number.isFinite(issued) || ctx.state.clock.now() >= issued + Number(expires) * 1000) {
    return s3Error(403, "AccessDenied", "Request has expired");
  }
  const rec = ctx.state.jumio.store.get(id);
  if (!rec || rec.wipedOutAt !== undefined) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  return raw(transactionPdf(rec), "application/pdf", 200, { "content-disposition": `attachment; filename="jumio-${rec.id}.pdf"` });
}

export function s3Routes(r: Router): void {
  r.get("/transaction-pdfs/:file", download);
}
