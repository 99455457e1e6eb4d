import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";

// A first gate only: it redirects signed-out page requests to /login and stamps a request id and the
// path for audit and return URLs. Every page, action and route still checks the session itself.
const auth = withAuth(
  function stamp(req: NextRequestWithAuth) {
    const headers = new Headers(req.headers);
    if (!headers.get("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
    headers.set("x-pathname", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  },
  { pages: { signIn: "/login" } },
);

export function proxy(req: NextRequest, event: NextFetchEvent) {
  return auth(req as NextRequestWithAuth, event);
}

export const config = {
  // API routes answer 401/403 JSON themselves; static assets and the sign-in page need no session.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|login|.*\\.(?:png|svg|ico|jpg|css|js)$).*)"],
};
