import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { canonicalAddress } from "@/lib/http/client-address";
import { EDGE_HEADERS, isEdgeInstalled } from "@/lib/http/edge";
import type { TRequestContext } from "./schemas";

type HeaderSource = { get(name: string): string | null | undefined };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Printable text only, bounded: what is stored as evidence cannot carry control characters. */
function printable(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, max);
  return clean || null;
}

/**
 * Who is asking, as the app's edge (scripts/serve.ts) established it: the client address resolved
 * from the socket and TRUSTED_PROXIES, and a request id generated on our side (the edge or the proxy
 * always overwrites the client's). Without the edge in this process no address can be trusted, so
 * none is recorded rather than a forgeable one.
 */
export function requestContextFrom(source: HeaderSource): TRequestContext {
  const requestId = source.get(EDGE_HEADERS.requestId);
  return {
    requestId: requestId && UUID.test(requestId) ? requestId : randomUUID(),
    ip: isEdgeInstalled() ? canonicalAddress(source.get(EDGE_HEADERS.clientIp)) : null,
    userAgent: printable(source.get("user-agent"), 512),
  };
}

/** The current request's id, client IP and user agent. */
export async function getRequestContext(): Promise<TRequestContext> {
  return requestContextFrom(await headers());
}
