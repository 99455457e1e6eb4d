import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { permissionsOf } from "@/lib/auth/permissions";
import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = jsonRoute(async () => {
  const user = await requireApiUser("account.self", "GET /api/me");
  return NextResponse.json({ id: user.id, email: user.email, name: user.name, role: user.role, permissions: permissionsOf(user.role) });
});
