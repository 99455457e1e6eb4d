import "server-only";
import type { TActionContext } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import type { TProviderConfigs } from "../config";
import { checkProviders, type TCheckOptions } from "./index";
import type { TCheckReport } from "./types";

/** The connection check as an admin runs it from /sync: the report, and one audit row saying what came of it. */
export async function runConnectionCheck(ctx: TActionContext, configs: TProviderConfigs, options: TCheckOptions = {}): Promise<TCheckReport> {
  const report = await checkProviders(configs, options);
  const notAccepted = report.results.filter((r) => r.outcome === "differs" || r.outcome === "failed").map((r) => `${r.provider} ${r.ref}`);
  await recordAudit(ctx.db, ctx.audit({ action: "providers.check", outcome: "SUCCESS", details: { ok: report.ok, counts: report.counts, notAccepted } }));
  return report;
}
