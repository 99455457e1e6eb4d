import { handleJumioCallback } from "@/lib/webhooks/http";

export const dynamic = "force-dynamic";

export const POST = handleJumioCallback;
