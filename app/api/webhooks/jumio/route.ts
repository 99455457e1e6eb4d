import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http/route";
import { receiveJumioCallback } from "@/lib/webhooks/receive";

export const dynamic = "force-dynamic";

export const POST = jsonRoute(async (req) => {
  const raw = new Uint8Array(await req.arrayBuffer());
  return NextResponse.json(await receiveJumioCallback(raw, new URL(req.url).searchParams.get("token")));
});
