import { requireApiUser } from "@/lib/auth/session";
import { downloadTruliooFile } from "@/lib/files/downloads";
import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<Record<string, string>> };

// ?enhanced=1 for an enhanced file, ?inline=1 to show an image or PDF in the page.
export const GET = jsonRoute(async (req: Request, { params }: Params) => {
  const user = await requireApiUser("files.download", "GET /api/files/trulioo");
  return downloadTruliooFile(user, { ...Object.fromEntries(new URL(req.url).searchParams), ...(await params) });
});
