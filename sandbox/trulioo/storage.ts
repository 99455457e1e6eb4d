// Quirks mode: E4 answers 302 to a storage URL like this one, signed and expiring, which
// serves the same bytes, type and disposition without a bearer token (README "Quirks mode").
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Ctx, Reply } from "../http/context";
import { refuseAuthorization, s3Error } from "../http/presign";
import type { Router } from "../http/router";
import { fileReply } from "./files";

function signature(ctx: Ctx, key: string, expires: string): string {
  return createHmac("sha256", ctx.state.cfg.credentials.truliooClientSecret).update(`file|${key}|${expires}`).digest("hex");
}

export function storageUrl(ctx: Ctx, key: string): string {
  const expires = String(Math.floor(ctx.state.clock.now() / 1000) + ctx.state.cfg.pdfUrlTtlSeconds);
  const q = new URLSearchParams({ key, se: expires, sp: "r", sig: signature(ctx, key, expires) });
  // The opaque path segment stands for a blob name; only the signed query decides access.
  return `${ctx.state.baseUrl}/trulioo/storage/files/${createHmac("sha256", "blob").update(key).digest("hex").slice(0, 32)}?${q}`;
}

function stored(ctx: Ctx): Reply {
  const refused = refuseAuthorization(ctx);
  if (refused) return refused;
  const key = ctx.query.get("key") ?? "";
  const expires = ctx.query.get("se") ?? "";
  const expected = Buffer.from(signature(ctx, key, expires));
  const given = Buffer.from(ctx.query.get("sig") ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  }
  if (!/^\d+$/.test(expires) || ctx.state.clock.now() >= Number(expires) * 1000) return s3Error(403, "AccessDenied", "Request has expired");
  return fileReply(ctx, key) ?? s3Error(404, "NoSuchKey", "The specified key does not exist.");
}

export function storageRoutes(r: Router): void {
  r.get("/files/:blob", stored);
}
