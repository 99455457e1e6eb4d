import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";
import { errorFields, log } from "@/lib/log";

type Context = { params: Promise<{ nextauth: string[] }> };

const ERROR_KEY = /^[A-Za-z]{1,64}$/;
const CALLBACK_COOKIE = /^(__Secure-)?next-auth\.callback-url$/;

// The values next-auth can parse as a return URL; anything else it answers with a 500. What it does
// accept still goes through the redirect callback (lib/auth/options.ts), which keeps it on this origin.
function parsableReturnUrl(value: string): boolean {
  try {
    const url = new URL(value, value.startsWith("/") ? "http://compliance-desk.invalid" : undefined);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function refuseBadReturnUrl(req: Request): Response | null {
  const param = new URL(req.url).searchParams.get("callbackUrl");
  const badCookie = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([name, ...value]) => name && CALLBACK_COOKIE.test(name) && !parsableReturnUrl(safeDecode(value.join("="))));
  if ((param === null || parsableReturnUrl(param)) && !badCookie) return null;
  const response = NextResponse.json(
    { error: { code: "BAD_REQUEST", message: "callbackUrl must be a path on this site, such as /profiles." } },
    { status: 400 },
  );
  if (badCookie?.[0]) response.cookies.set(badCookie[0], "", { path: "/", maxAge: 0 });
  return response;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}

// next-auth answers a few hand-made requests with a 500 (a GET of the credentials callback, a control
// character in `error`); those are the client's mistakes, so they get a 4xx or the sign-in page.
async function handler(req: Request, context: Context) {
  const { nextauth } = await context.params;
  const [action, provider] = nextauth;
  if (action === "callback" && provider === "credentials" && req.method !== "POST") {
    return NextResponse.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Sign in with a POST from the sign-in page." } }, { status: 405, headers: { Allow: "POST" } });
  }
  if (action === "error") {
    const key = new URL(req.url).searchParams.get("error") ?? "";
    const location = `/login?error=${ERROR_KEY.test(key) ? key : "Default"}`;
    return new Response(null, { status: 302, headers: { Location: location, "Cache-Control": "no-store" } });
  }
  try {
    return refuseBadReturnUrl(req) ?? (await NextAuth(req as never, context as never, getAuthOptions()));
  } catch (error) {
    log.warn({ component: "next-auth", action, ...errorFields(error) }, "auth request refused");
    return NextResponse.json({ error: { code: "BAD_REQUEST", message: "This sign-in request is not valid." } }, { status: 400 });
  }
}

export { handler as GET, handler as POST };
