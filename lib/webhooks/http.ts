import "server-only";
import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { WEBHOOK_BODY_LIMIT } from "@/lib/http/edge";
import { jsonRoute } from "@/lib/http/route";
import { assertJumioCallbackToken, assertTruliooWebhooksConfigured, receiveJumioCallback, receiveTruliooWebhook } from "./receive";

// The two webhook endpoints as plain Request -> Response handlers: the route files serve them under
// Next.js, and the app's front (scripts/serve.ts) serves the very same handlers before Next.js, so a
// storm of webhooks does not pay for page routing on every event.

/** Trulioo's token and signature are in the body, so it is read first, but never past the limit. */
export const handleTruliooWebhook = jsonRoute(async (req: Request) => {
  assertTruliooWebhooksConfigured();
  const raw = await readJsonBody(req, WEBHOOK_BODY_LIMIT);
  return NextResponse.json(await receiveTruliooWebhook(raw, req.headers.get("x-trulioo-signature")));
});

/** Jumio's token is in the URL: checked before a byte of the body is read. */
export const handleJumioCallback = jsonRoute(async (req: Request) => {
  const token = new URL(req.url).searchParams.get("token");
  assertJumioCallbackToken(token);
  const raw = await readJsonBody(req, WEBHOOK_BODY_LIMIT);
  return NextResponse.json(await receiveJumioCallback(raw, token));
});

/** By exact path (a Map: no prototype keys to stumble on). */
export const WEBHOOK_HANDLERS: ReadonlyMap<string, (req: Request) => Promise<Response>> = new Map([
  ["/api/webhooks/trulioo", (req: Request) => handleTruliooWebhook(req, undefined)],
  ["/api/webhooks/jumio", (req: Request) => handleJumioCallback(req, undefined)],
]);
