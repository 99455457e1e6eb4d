import { requireApiUser } from "@/lib/auth/session";
import { jobArtifactResponse } from "@/lib/exports/artifact";
import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<Record<string, string>> };

// A finished export's ZIP (exports.pdf: auditors and admins), streamed from EXPORTS_DIR.
export const GET = jsonRoute(async (_req: Request, { params }: Params) => {
  const user = await requireApiUser("exports.pdf", "GET /api/jobs/artifact");
  return jobArtifactResponse(user, await params);
});
