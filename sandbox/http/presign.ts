// S3-style presigned URLs: signed and expiring query strings instead of a bearer token.
// Used by J7's transaction PDF and, in quirks mode, by the storage URLs that E4, J6 and J7
// redirect to.
import { createHmac, timingSafeEqual } from "node:crypto";
import { raw, type Ctx, type Reply } from "./context";

export function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export function parseAmzDate(v: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : Number.NaN;
}

export function sign(secret: string, subject: string, date: string, expires: string): string {
  return createHmac("sha256", secret).update(`${subject}|${date}|${expires}`).digest("hex");
}

export function s3Error(status: number, code: string, message: string): Reply {
  return raw(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`, "application/xml", status);
}

/** The query string of a URL for `subject`, valid `ttlSeconds` from `now`. */
export function presignQuery(secret: string, subject: string, now: number, ttlSeconds: number): URLSearchParams {
  const date = amzDate(now);
  const expires = String(ttlSeconds);
  return new URLSearchParams({
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Date": date,
    "X-Amz-Expires": expires,
    "X-Amz-SignedHeaders": "host",
    "X-Amz-Signature": sign(secret, subject, date, expires),
  });
}

/** The S3 error for a bad or expired signature, or undefined when the URL is good. */
export function checkPresigned(ctx: Ctx, secret: string, subject: string, wellFormed = true): Reply | undefined {
  const date = ctx.query.get("X-Amz-Date") ?? "";
  const expires = ctx.query.get("X-Amz-Expires") ?? "";
  const expected = Buffer.from(sign(secret, subject, date, expires));
  const given = Buffer.from(ctx.query.get("X-Amz-Signature") ?? "");
  if (!wellFormed || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  }
  const issued = parseAmzDate(date);
  if (!Number.isFinite(issued) || ctx.state.clock.now() >= issued + Number(expires) * 1000) {
    return s3Error(403, "AccessDenied", "Request has expired");
  }
  return undefined;
}

/**
 * S3 takes one authentication mechanism per request: a presigned URL fetched with an
 * Authorization header is a 400. This is what catches a client that forwards its bearer
 * token across a redirect to storage.
 */
export function refuseAuthorization(ctx: Ctx): Reply | undefined {
  if (ctx.header("authorization") === undefined) return undefined;
  return s3Error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified");
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location }, raw: "" };
}
