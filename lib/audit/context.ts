import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { TRequestContext } from "./schemas";

type HeaderSource = { get(name: string): string | null | undefined };

export function requestContextFrom(source: HeaderSource): TRequestContext {
  const forwarded = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: source.get("x-request-id") ?? randomUUID(),
    ip: forwarded || source.get("x-real-ip") || null,
    userAgent: source.get("user-agent") ?? null,
  };
}

/** The current request's id, client IP and user agent (the proxy stamps x-request-id). */
export async function getRequestContext(): Promise<TRequestContext> {
  return requestContextFrom(await headers());
}
