/**
 * The browser-side defences of every page. Scripts run only with this response's nonce (Next.js puts
 * it on its own scripts when it finds it in the request's Content-Security-Policy header) and what
 * they load ('strict-dynamic'); no inline script and no eval outside development.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean; formTargets?: string[] }): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])];
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // Radix and Tailwind set style attributes; styles cannot run code, scripts are what the nonce guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${options.formTargets?.length ? ` ${options.formTargets.join(" ")}` : ""}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * The per-request response headers the proxy adds (the constant ones are in next.config.js): the CSP
 * with this response's nonce, HSTS when the app is served over https, and no-store on every API answer,
 * which may carry personal data. Pages are no-store already (Next.js, since every page is dynamic).
 */
export function responseSecurityHeaders(options: { path: string; https: boolean; csp?: string }): Record<string, string> {
  return {
    ...(options.csp ? { "Content-Security-Policy": options.csp } : {}),
    ...(options.https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
    ...(options.path.startsWith("/api/") ? { "Cache-Control": "no-store" } : {}),
  };
}

/**
 * Server actions and page posts must come from the app's own origin: NEXTAUTH_URL's when it is set,
 * else the Host the request was sent to (the edge has already dropped a forwarded host that no trusted
 * proxy set). A missing or "null" Origin is refused too: browsers always send one with a POST.
 */
export function isAllowedOrigin(origin: string | null, allowed: readonly string[]): boolean {
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return allowed.includes(parsed.origin);
}
