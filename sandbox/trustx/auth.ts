// TrustX API-key exchange (§3.1) and the bearer check.
import { json, type Ctx, type Reply } from "../http/context";
import { trustxError } from "../http/errors";

export function trustxIssue(ctx: Ctx): Reply {
  const key = ctx.header("x-api-key");
  if (!key || key !== ctx.state.cfg.credentials.trustxApiKey) throw trustxError(401, "Invalid API key", ctx.path);
  const ttl = ctx.state.cfg.tokenTtlSeconds.trustx;
  const { token } = ctx.state.tokens.issue("trustx", ttl, ctx.state.clock.now());
  ctx.state.stats.inc("tokens.trustx");
  return json({ token, ttl });
}

export function requireTrustx(ctx: Ctx): void {
  const check = ctx.state.tokens.check("trustx", ctx.header("authorization"), ctx.state.clock.now());
  if (check === "expired") throw trustxError(401, "Token expired", ctx.path);
  if (check !== "ok") throw trustxError(401, "Full authentication is required to access this resource", ctx.path);
}
