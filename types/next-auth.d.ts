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
  }
}
