import { requireApiUser } from "@/lib/auth/session";
import { executionPdfResponse } from "@/lib/executions/pdf";
import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<Record<string, string>> };

// One Jumio transaction PDF, streamed (exports.pdf: auditors and admins).
export const GET = jsonRoute(async (_req: Request, { params }: Params) => {
  const user = await requireApiUser("exports.pdf", "GET /api/executions/pdf");
  return executionPdfResponse(user, await params);
});
