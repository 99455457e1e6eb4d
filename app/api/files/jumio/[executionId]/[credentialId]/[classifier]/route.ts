import { requireApiUser } from "@/lib/auth/session";
import { downloadJumioPart } from "@/lib/files/downloads";
import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<Record<string, string>> };

// ?inline=1 to show the image in the page.
export const GET = jsonRoute(async (req: Request, { params }: Params) => {
  const user = await requireApiUser("files.download", "GET /api/files/jumio");
  return downloadJumioPart(user, { ...Object.fromEntries(new URL(req.url).searchParams), ...(await params) });
});
