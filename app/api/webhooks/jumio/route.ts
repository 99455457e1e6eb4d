import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { WEBHOOK_BODY_LIMIT } from "@/lib/http/edge";
import { jsonRoute } from "@/lib/http/route";
import { assertJumioCallbackToken, receiveJumioCallback } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

export const POST = jsonRoute(async (req) => {
  const token = new URL(req.url).searchParams.get("token");
  assertJumioCallbackToken(token);
  const raw = await readJsonBody(req, WEBHOOK_BODY_LIMIT);
  return NextResponse.json(await receiveJumioCallback(raw, token));
});
