import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { getProxyEnv } from "@/lib/env";
import { EDGE_HEADERS, isEdgeInstalled } from "@/lib/http/edge";
import { contentSecurityPolicy, isAllowedOrigin, responseSecurityHeaders } from "@/lib/http/security-headers";

// A first gate only: it refuses cross-origin posts, sets the per-request CSP nonce and the response's
// security headers, stamps a request id and the path, and sends signed-out page requests to /login.
// Every page, action and route still checks the session and the permission itself.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isPublic(path: string): boolean {
  return path.startsWith("/api/") || path === "/login" || path.startsWith("/login/");
}

function allowedOrigins(req: NextRequest, configured: string | undefined): string[] {
  if (configured) return [new URL(configured).origin];
  const host = req.headers.get("host");
  return host ? [`${req.nextUrl.protocol}//${host}`] : [];
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export async function proxy(req: NextRequest, event: NextFetchEvent) {
  const env = getProxyEnv();
  const https = env.NEXTAUTH_URL?.startsWith("https://") ?? req.nextUrl.protocol === "https:";
  const path = req.nextUrl.pathname;
  // API answers are data, not documents: no page CSP (files set their own, see lib/files).
  const secure = (response: NextResponse, csp?: string) => {
    const headers = responseSecurityHeaders({ path, https, csp: path.startsWith("/api/") ? undefined : csp });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  // Server actions (and any page post) from another origin: a clear 403, not Next's 500. The allowed
  // origin comes from configuration, so no forwarded header can widen it.
  if (req.method !== "GET" && req.method !== "HEAD" && !path.startsWith("/api/")) {
    if (!isAllowedOrigin(req.headers.get("origin"), allowedOrigins(req, env.NEXTAUTH_URL))) {
      return secure(NextResponse.json({ error: { code: "FORBIDDEN", message: "Cross-origin request refused." } }, { status: 403 }));
    }
  }

  const value = nonce();
  const csp = contentSecurityPolicy(value, {
    dev: env.NODE_ENV === "development",
    https,
    formTargets: env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [],
  });
  const headers = new Headers(req.headers);
  headers.set("x-nonce", value);
  headers.set("content-security-policy", csp);
  const stamped = headers.get(EDGE_HEADERS.requestId);
  if (!isEdgeInstalled() || !stamped || !UUID.test(stamped)) headers.set(EDGE_HEADERS.requestId, crypto.randomUUID());
  headers.set("x-pathname", path + req.nextUrl.search);
  const pass = () => NextResponse.next({ request: { headers } });

  if (isPublic(path)) return secure(pass(), csp);
  const auth = withAuth(pass, { pages: { signIn: "/login" } });
  const result = await auth(req as NextRequestWithAuth, event);
  return secure(result instanceof NextResponse ? result : pass(), csp);
}

export const config = {
  // Webhooks stay outside: Next.js copies the body of every request the proxy sees (up to
  // proxyClientMaxBodySize) and reads all of it, before the route could refuse the sender.
  matcher: ["/((?!api/webhooks/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|jpg|css|js|woff2?)$).*)"],
};
