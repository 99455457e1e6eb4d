// Jumio OAuth token endpoint (§2.1, HTTP Basic) and the checks every retrieval call
// passes: a proper User-Agent first (403), then the bearer token (401).
import { json, type Ctx, type Reply } from "../http/context";
import { jumioError, oauthError } from "../http/errors";

export async function jumioToken(ctx: Ctx): Promise<Reply> {
  const m = /^Basic\s+(\S+)$/i.exec(ctx.header("authorization") ?? "");
  const decoded = m?.[1] ? Buffer.from(m[1], "base64").toString("utf8") : "";
  const sep = decoded.indexOf(":");
  const { credentials, tokenTtlSeconds } = ctx.state.cfg;
  if (sep < 0 || decoded.slice(0, sep) !== credentials.jumioClientId || decoded.slice(sep + 1) !== credentials.jumioClientSecret) {
    throw oauthError(401, "invalid_client");
  }
  const form = await ctx.form();
  if (form.get("grant_type") !== "client_credentials") throw oauthError(400, "unsupported_grant_type");
  const ttl = tokenTtlSeconds.jumio;
  const { token } = ctx.state.tokens.issue("jumio", ttl, ctx.state.clock.now());
  ctx.state.stats.inc("tokens.jumio");
  return json({ access_token: token, expires_in: ttl, token_type: "Bearer" }, 200, { "cache-control": "no-store" });
}

export function requireJumio(ctx: Ctx): void {
  const ua = (ctx.header("user-agent") ?? "").trim();
  if (ua === "" || ua.toLowerCase() === "node") {
    throw jumioError(403, "Forbidden: send a User-Agent that names your company and application, e.g. ComplianceDesk/1.0");
  }
  const check = ctx.state.tokens.check("jumio", ctx.header("authorization"), ctx.state.clock.now());
  if (check === "expired") throw jumioError(401, "Unauthorized: token expired");
  if (check !== "ok") throw jumioError(401, "Unauthorized");
}
