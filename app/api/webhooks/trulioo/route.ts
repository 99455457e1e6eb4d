import { handleTruliooWebhook } from "@/lib/webhooks/http";

export const dynamic = "force-dynamic";

// Answers fast: the event is stored and a worker drains the inbox.
export const POST = handleTruliooWebhook;
