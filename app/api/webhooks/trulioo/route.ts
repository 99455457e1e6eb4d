import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { WEBHOOK_BODY_LIMIT } from "@/lib/http/edge";
import { jsonRoute } from "@/lib/http/route";
import { assertTruliooWebhooksConfigured, receiveTruliooWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

// Answers fast: the event is stored and the worker does the re-sync. Trulioo's token and signature
// are in the body, so the body is read first, but never past the limit.
export const POST = jsonRoute(async (req) => {
  assertTruliooWebhooksConfigured();
  const raw = await readJsonBody(req, WEBHOOK_BODY_LIMIT);
  return NextResponse.json(await receiveTruliooWebhook(raw, req.headers.get("x-trulioo-signature")));
});
