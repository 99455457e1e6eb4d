import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requestContextFrom } from "@/lib/audit/context";
import type { TCurrentUser } from "@/lib/auth/session";
import { streamProfilesCsv } from "./export-profiles";
import { profileList } from "./schemas";
import { errorFields, log } from "@/lib/log";

/**
 * The export answers exactly what was asked: a URL with values the list does not understand is
 * refused (400) rather than exported with defaults. The audit row records the filter and how many
 * rows left, once the stream ends (a read changes nothing, so there is no transaction to share).
 */
export async function exportProfilesCsv(user: TCurrentUser, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const { params, notices } = profileList.parse(url.searchParams);
  if (notices.length) throw new AppError("BAD_REQUEST", notices.join(" "));
  const filter = profileList.toQuery({ ...params, page: 1, cursor: null });
  const request = requestContextFrom(req.headers);
  const stream = streamProfilesCsv(params, async (summary) => {
    await recordAudit(getDb(), {
      actor: { id: user.id, email: user.email, role: user.role },
      action: "profiles.export",
      outcome: summary.complete ? "SUCCESS" : "FAILED",
      // The filter goes in the details: a target id is indexed, a filter can be any length.
      target: null,
      details: { filter, rowCount: summary.rows, complete: summary.complete, truncated: summary.truncated, format: "csv" },
      request,
    }).catch((error) => log.error({ action: "profiles.export", ...errorFields(error) }, "export audit row not written"));
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="profiles-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
