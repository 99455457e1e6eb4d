// Trulioo Export API (§1.2): E1 workflows, E2 clients, E3 client details, E4 files.
import { STATUSES, type Status } from "../data/truliooTypes";
import { json, type Ctx, type Reply } from "../http/context";
import { truliooError } from "../http/errors";
import { truliooEnvelope, truliooPaging } from "../http/paging";
import { redirect } from "../http/presign";
import type { Router } from "../http/router";
import { quirkyDetails, quirkySummary, quirkyTruliooPage, quirkyWorkflow } from "../quirks/trulioo";
import { requireTrulioo } from "./auth";
import { fileReply } from "./files";
import { storageUrl } from "./storage";
import { details, summary } from "./render";

function timestampParam(ctx: Ctx, name: string): number | undefined {
  const v = ctx.query.get(name);
  if (v === null || v.trim() === "") return undefined;
  if (!/^\s*\d+(\.\d+)?\s*$/.test(v)) throw truliooError(400, 400, `${name} must be a UNIX timestamp (seconds or milliseconds)`);
  const n = Number(v);
  // Values below 1e12 are seconds (what clients send); larger ones are already ms.
  return n >= 1e12 ? n : n * 1000;
}

export function parseStatuses(v: string | null): Set<Status> | undefined {
  if (v === null || v.trim() === "") return undefined;
  const out = new Set<Status>();
  for (const part of v.split(",")) {
    const s = part.trim().toUpperCase();
    const mapped = s === "DECLINED" ? "REJECTED" : s;
    if ((STATUSES as readonly string[]).includes(mapped)) out.add(mapped as Status);
  }
  return out;
}

function workflows(ctx: Ctx): Reply {
  requireTrulioo(ctx);
  const { page, limit } = truliooPaging(ctx.query);
  const all = ctx.state.data.workflows;
  const q = ctx.state.quirks;
  const data = all.slice(page * limit, page * limit + limit).map((w) => quirkyWorkflow(q, { id: w.id, name: w.name, corporate: w.corporate, published: w.published, created: w.created }));
  return json(quirkyTruliooPage(q, "E1", page, limit, truliooEnvelope(all.length, page, limit, data)));
}

function clients(ctx: Ctx): Reply {
  requireTrulioo(ctx);
  const { page, limit } = truliooPaging(ctx.query);
  const after = timestampParam(ctx, "after");
  const before = timestampParam(ctx, "before");
  const flowId = ctx.query.get("flowId")?.trim() || undefined;
  const store = ctx.state.trulioo.store;
  if (page > 0 && !ctx.test) {
    const drift = ctx.state.faults.takeDrift("trulioo");
    if (drift === "grow") store.grow();
    if (drift === "shift") store.shiftFirst();
  }
  const result = store.list({ test: ctx.test, statuses: parseStatuses(ctx.query.get("statuses")), flowId, after, before, offset: page * limit, limit });
  const q = ctx.state.quirks;
  const data = result.items.map((r) => quirkySummary(q, summary(r, ctx.state.faults.isMalformed("trulioo", r.id))));
  return json(quirkyTruliooPage(q, "E2", page, limit, truliooEnvelope(result.total, page, limit, data)));
}

function client(ctx: Ctx): Reply {
  requireTrulioo(ctx);
  const id = ctx.params.clientId ?? "";
  const rec = ctx.state.trulioo.store.get(id, ctx.test);
  if (!rec) throw truliooError(404, 4100, "Client not found");
  const includeFull = (ctx.query.get("includeFullServiceDetails") ?? "").toLowerCase() === "true";
  return json(quirkyDetails(ctx.state.quirks, ctx.state.data.workflows, details(rec, includeFull, ctx.state.faults.isMalformed("trulioo", rec.id))));
}

function file(ctx: Ctx): Reply {
  requireTrulioo(ctx);
  const given = ctx.query.get("key");
  if (given === null || given.trim() === "") throw truliooError(400, 400, "key is required");
  // An unencoded "+" arrives as a space; base64 never contains spaces, so undo it.
  const key = given.trim().replace(/ /g, "+");
  const found = fileReply(ctx, key);
  if (!found) throw truliooError(404, 404, "File not found");
  return ctx.state.quirks.pick("trulioo.file", key) ? redirect(storageUrl(ctx, key)) : found;
}

export function exportRoutes(r: Router): void {
  r.get("/v2/query/workflows", workflows);
  r.get("/v2/query/clients", clients);
  r.get("/v2/query/client/:clientId", client, { readId: "clientId" });
  r.get("/v2/query/file", file);
}
