import { requireApiUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/route";
import { exportProfilesCsv } from "@/lib/profiles/export-route";

export const dynamic = "force-dynamic";

// GET /api/exports/profiles?<the list's query>: the filtered list as CSV (permission profiles.export).
export const GET = jsonRoute(async (req: Request) => {
  const user = await requireApiUser("profiles.export", "GET /api/exports/profiles");
  return exportProfilesCsv(user, req);
});
