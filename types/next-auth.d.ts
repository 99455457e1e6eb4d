import type { TRole } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface Session {
    user?: { id: string; role: TRole; email?: string | null; name?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: string;
    /** The server-side session row (user_sessions.id); a token without a live row is no session. */
    sid?: string;
  }
}
