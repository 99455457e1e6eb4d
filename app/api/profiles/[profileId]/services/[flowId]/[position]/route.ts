import { requireApiUser } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/route";
import { serviceDetailsResponse } from "@/lib/profiles/service-details";

export const dynamic = "force-dynamic";

type Params = { params: Promise<Record<string, string>> };

// A service result's full details, fetched when the case page opens them.
export const GET = jsonRoute(async (_req: Request, { params }: Params) => {
  const user = await requireApiUser("profiles.read", "GET /api/profiles/services");
  return serviceDetailsResponse(user, await params);
});
