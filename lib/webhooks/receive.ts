import "server-only";
import { getPool } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ZJumioCallbackSchema } from "@/lib/providers/jumio/schemas";
import { WEBHOOK_BODY_LIMIT } from "@/lib/http/edge";
import { acceptEvent } from "./inbox";
import { TRULIOO_EVENT_TYPES, ZTruliooEventSchema, ZTruliooHandshakeSchema } from "./schemas";
import { constantTimeEquals, verifyHmacHex } from "./signature";

function parseJson(raw: Uint8Array): unknown {
  if (raw.byteLength > WEBHOOK_BODY_LIMIT) throw new AppError("PAYLOAD_TOO_LARGE", "Body too large");
  try {
    return JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new AppError("BAD_REQUEST", "Body is not JSON");
  }
}

/**
 * Trulioo's Event Dispatcher: the URL-verification handshake (token checked, no signature required),
 * then signed events, each stored once and re-synced by the worker (contract §1.4).
 */
export function assertTruliooWebhooksConfigured(): { token: string; secret: string } {
  const env = getEnv();
  if (!env.TRULIOO_WEBHOOK_TOKEN || !env.TRULIOO_WEBHOOK_SECRET) {
    throw new AppError("UPSTREAM_UNAVAILABLE", "Trulioo webhooks are not configured here");
  }
  return { token: env.TRULIOO_WEBHOOK_TOKEN, secret: env.TRULIOO_WEBHOOK_SECRET };
}

export async function receiveTruliooWebhook(raw: Uint8Array, signature: string | null): Promise<Record<string, unknown>> {
  const config = assertTruliooWebhooksConfigured();
  const body = parseJson(raw);
  const handshake = ZTruliooHandshakeSchema.safeParse(body);
  if (handshake.success) {
    if (!constantTimeEquals(handshake.data.token, config.token)) throw new AppError("UNAUTHENTICATED", "Wrong verification token");
    return { challenge: handshake.data.challenge };
  }
  if (!verifyHmacHex(raw, config.secret, signature)) throw new AppError("UNAUTHENTICATED", "Bad or missing x-trulioo-signature");
  const event = ZTruliooEventSchema.safeParse(body);
  if (!event.success) throw new AppError("BAD_REQUEST", `Not a Trulioo event: ${event.error.issues[0]?.message ?? "invalid"}`);
  if (!constantTimeEquals(event.data.token, config.token)) throw new AppError("UNAUTHENTICATED", "Wrong verification token");

  const type = event.data.event.type;
  const subjectId = event.data.userId ?? event.data.event.user ?? null;
  const { stored } = await acceptEvent(getPool(), {
    source: "trulioo",
    dedupeKey: event.data.id,
    type,
    subjectId,
    payload: body,
    // Test-flow clients exist only under /test; unknown types may be added by Trulioo at any time.
    ignore: Boolean(event.data.test) || !TRULIOO_EVENT_TYPES.has(type) || !subjectId,
  });
  return { received: true, duplicate: !stored };
}

/** Jumio's token is in our URL, so a callback is refused before a byte of its body is read. */
export function assertJumioCallbackToken(token: string | null): void {
  const env = getEnv();
  if (!env.JUMIO_CALLBACK_TOKEN) throw new AppError("UPSTREAM_UNAVAILABLE", "Jumio callbacks are not configured here");
  if (!token || !constantTimeEquals(token, env.JUMIO_CALLBACK_TOKEN)) throw new AppError("UNAUTHENTICATED", "Wrong or missing callback token");
}

/** Jumio's callback: our URL carries ?token= (no signature is documented), then the same inbox (contract §2.7). */
export async function receiveJumioCallback(raw: Uint8Array, token: string | null): Promise<Record<string, unknown>> {
  assertJumioCallbackToken(token);
  const parsed = ZJumioCallbackSchema.safeParse(parseJson(raw));
  if (!parsed.success) throw new AppError("BAD_REQUEST", `Not a Jumio callback: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { workflowExecution: execution, account, callbackSentAt } = parsed.data;
  const { stored } = await acceptEvent(getPool(), {
    source: "jumio",
    dedupeKey: `${execution.id}:${execution.status}:${callbackSentAt}`,
    type: execution.status,
    subjectId: `${account.id}/${execution.id}`,
    payload: parsed.data,
  });
  return { received: true, duplicate: !stored };
}
