import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveClientAddress, type TTrustedProxies } from "./client-address";
import { discardUnreadBody } from "./node-bridge";

/**
 * The edge is the app's own HTTP front (scripts/serve.ts): the first code that sees a request, before
 * Next.js. It decides which request headers may be believed, so that nothing behind it has to.
 */
export const EDGE_HEADERS = { clientIp: "x-client-ip", requestId: "x-request-id" } as const;

// Headers a client could use to claim an address, a host or a scheme. Only a trusted proxy may set them.
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

const EDGE_MARK = Symbol.for("compliance-desk.edge");

/** Called once by the edge in its process; the app believes the edge's headers only when it is there. */
export function markEdgeInstalled(): void {
  (globalThis as Record<symbol, unknown>)[EDGE_MARK] = true;
}

export function isEdgeInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[EDGE_MARK] === true;
}

/**
 * Rewrites the incoming headers in place: forwarding headers survive only from a trusted proxy, the
 * client address is resolved once and stamped, and the request id is always ours.
 */
export function stampRequest(req: IncomingMessage, trusted: TTrustedProxies): { requestId: string; clientIp: string | null } {
  const socketAddress = req.socket.remoteAddress ?? null;
  const fromTrustedProxy = socketAddress !== null && trusted.matches(socketAddress);
  const forwardedFor = req.headers["x-forwarded-for"];
  const clientIp = resolveClientAddress(socketAddress, Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, trusted);
  for (const name of FORWARDING_HEADERS) {
    if (!fromTrustedProxy || name === "forwarded" || name === "x-forwarded-for" || name === "x-real-ip") delete req.headers[name];
  }
  const requestId = randomUUID();
  delete req.headers[EDGE_HEADERS.clientIp];
  req.headers[EDGE_HEADERS.requestId] = requestId;
  // Webhook answers are a few bytes of JSON: compressing them costs more than it saves, in a storm most of all.
  if ((req.url ?? "").startsWith("/api/webhooks/")) delete req.headers["accept-encoding"];
  if (clientIp) {
    req.headers[EDGE_HEADERS.clientIp] = clientIp;
    // Next.js fills X-Forwarded-For only when absent; give it the resolved client, not a client's claim.
    req.headers["x-forwarded-for"] = clientIp;
  }
  return { requestId, clientIp };
}

/**
 * Refuses a body that is too large before a byte of it is read: by its Content-Length, or, for a body
 * without one (chunked), outright. The webhook routes are left to check in their own order (Jumio's
 * URL token first, then type and size, reading never past WEBHOOK_BODY_LIMIT).
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/api/webhooks/")) return false;
  const declared = req.headers["content-length"];
  const chunked = /chunked/i.test(String(req.headers["transfer-encoding"] ?? ""));
  let status: number | null = null;
  let message = "";
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > DEFAULT_BODY_LIMIT)) {
    status = 413;
    message = `The request body is larger than ${DEFAULT_BODY_LIMIT} bytes.`;
  } else if (declared === undefined && chunked) {
    status = 411;
    message = "A request body needs a Content-Length.";
  }
  if (status === null) return false;
  refuse(req, res, status, status === 413 ? "PAYLOAD_TOO_LARGE" : "LENGTH_REQUIRED", message);
  return true;
}

/**
 * Refuses a path that is not valid percent-encoding (`/profiles/%ZZ`, a cut `%E0%A4`): Next.js cannot
 * decode it into route parameters and answered a bare 500. The query is left to the pages, which read
 * what they can of it.
 */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    refuse(req, res, 400, "BAD_REQUEST", "The address is not valid: a % in its path must start an encoded character such as %20.");
    return true;
  }
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "x-content-type-options": "nosniff", connection: "close" });
  // The unread body is never kept: it is discarded (bounded) and the connection closes after the answer.
  discardUnreadBody(req, res);
  res.end(JSON.stringify({ error: { code, message } }));
}
