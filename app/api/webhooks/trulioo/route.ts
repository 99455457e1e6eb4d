import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http/route";
import { receiveTruliooWebhook } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

// Answers fast: the event is stored and the worker does the re-sync.
export const POST = jsonRoute(async (req) => {
  const raw = new Uint8Array(await req.arrayBuffer());
  return NextResponse.json(await receiveTruliooWebhook(raw, req.headers.get("x-trulioo-signature")));
});
