// Trulioo OAuth client-credentials token endpoint (§1.1) and the bearer check.
import { json, type Ctx, type Reply } from "../http/context";
import { oauthError, truliooError } from "../http/errors";

export const TRULIOO_SCOPE = "workflow.studio.api";

function basicCredentials(header: string | undefined): [string, string] | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i < 0 ? undefined : [decoded.slice(0, i), decoded.slice(i + 1)];
}

export async function truliooToken(ctx: Ctx): Promise<Reply> {
  const form = await ctx.form();
  const grant = form.get("grant_type");
  if (!grant) throw oauthError(400, "invalid_request", "grant_type is required");
  if (grant !== "client_credentials") throw oauthError(400, "unsupported_grant_type");
  const basic = basicCredentials(ctx.header("authorization"));
  const id = form.get("client_id") ?? basic?.[0];
  const secret = form.get("client_secret") ?? basic?.[1];
  const { credentials, tokenTtlSeconds } = ctx.state.cfg;
  if (id !== credentials.truliooClientId || secret !== credentials.truliooClientSecret) throw oauthError(400, "invalid_client");
  const ttl = tokenTtlSeconds.trulioo;
  const { token } = ctx.state.tokens.issue("trulioo", ttl, ctx.state.clock.now());
  ctx.state.stats.inc("tokens.trulioo");
  return json({ access_token: token, token_type: "Bearer", expires_in: ttl, scope: TRULIOO_SCOPE }, 200, { "cache-control": "no-store" });
}

export function requireTrulioo(ctx: Ctx): void {
  const check = ctx.state.tokens.check("trulioo", ctx.header("authorization"), ctx.state.clock.now());
  if (check === "expired") throw truliooError(401, 4012, "Token has expired");
  if (check !== "ok") throw truliooError(401, 4011, "Invalid token");
}
