// TrustX process manager (§3.2): X1 tokens, X2 instances, X3-X6 reads, X7 user data,
// and the browser-facing startProcess page that moves an instance to ACTIVE.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { base32 } from "../data/ids";
import { definitions, STATUS_MAPPED, TENANT_ID, type InstanceRecord, type TokenRecord } from "../data/trustx";
import { escapeHtml, html, json, type Ctx, type Reply } from "../http/context";
import { trustxError } from "../http/errors";
import { springPage, springPaging } from "../http/paging";
import type { Router } from "../http/router";
import { quirkyInstance, quirkySpringPage } from "../quirks/trustx";
import { requireTrustx } from "./auth";
import { activate } from "./lifecycle";

const tokenCreate = z.object({
  name: z.string().min(1).max(50),
  description: z.string().max(2000).optional(),
  processDefnName: z.string().min(1).max(50),
  processDefnVersion: z.number().int().optional(),
  uiUrl: z.string().max(500).optional(),
  status: z.enum(["ACTIVE", "INACTIVE"]),
  type: z.enum(["UNLIMITED", "MULTI_USE_COUNT_LIMITED", "MULTI_USE_TIME_LIMITED"]).default("UNLIMITED"),
  maxCount: z.number().int().min(1).optional(),
  notBeforeDtm: z.iso.datetime({ offset: true }).optional(),
  notAfterDtm: z.iso.datetime({ offset: true }).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  forTest: z.boolean().optional(),
});

const newId = (): string => base32(randomBytes(16));

export function renderInstance(ctx: Ctx, r: InstanceRecord): Record<string, unknown> {
  const malformed = ctx.state.faults.isMalformed("trustx", r.id);
  return quirkyInstance(ctx.state.quirks, ctx.state.cfg.seed, {
    id: r.id, tenantId: TENANT_ID, processDefnId: r.processDefnId, processDefnName: r.processDefnName,
    processDefnVersion: r.processDefnVersion, firstName: r.firstName, lastName: r.lastName,
    createdAt: malformed ? false : new Date(r.createdAt).toISOString(),
    elapsedMilliseconds: r.elapsedMilliseconds, status: r.status, statusMapped: STATUS_MAPPED[r.status],
  });
}

async function createToken(ctx: Ctx): Promise<Reply> {
  requireTrustx(ctx);
  const parsed = tokenCreate.safeParse(await ctx.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw trustxError(400, `Invalid process token: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`, ctx.path);
  }
  const b = parsed.data;
  const def = definitions(ctx.state.cfg.seed).find((d) => d.name === b.processDefnName);
  if (!def) throw trustxError(400, `Unknown process definition ${b.processDefnName}`, ctx.path);
  if (b.processDefnVersion !== undefined && b.processDefnVersion !== def.version) throw trustxError(400, `Process definition ${def.name} has no version ${b.processDefnVersion}`, ctx.path);
  if (b.type === "MULTI_USE_COUNT_LIMITED" && b.maxCount === undefined) throw trustxError(400, "maxCount is required for MULTI_USE_COUNT_LIMITED", ctx.path);
  if (b.type === "MULTI_USE_TIME_LIMITED" && b.notAfterDtm === undefined) throw trustxError(400, "notAfterDtm is required for MULTI_USE_TIME_LIMITED", ctx.path);
  const now = ctx.state.clock.iso();
  const id = newId();
  const token: TokenRecord = {
    id, tenantId: TENANT_ID, name: b.name, description: b.description, processDefnName: def.name, processDefnVersion: def.version,
    uiUrl: b.uiUrl, status: b.status, type: b.type, counter: 0, maxCount: b.maxCount, notBeforeDtm: b.notBeforeDtm, notAfterDtm: b.notAfterDtm,
    maxProcessDuration: "PT48H", parameters: b.parameters ?? {}, forTest: b.forTest ?? false,
    createdDtm: now, lastUpdatedDtm: now, createdBy: "API Key: compliance-desk", lastUpdatedBy: "API Key: compliance-desk",
  };
  ctx.state.trustx.store.addToken(token);
  return json({ ...token, startProcessAddress: `${ctx.state.baseUrl}/trustx/web/?pt=${id}` }, 201);
}

function createInstance(ctx: Ctx): Reply {
  requireTrustx(ctx);
  const store = ctx.state.trustx.store;
  const token = store.editToken(ctx.query.get("pt") ?? "");
  if (!token) throw trustxError(404, "Process token not found", ctx.path);
  const now = ctx.state.clock.now();
  if (token.status === "INACTIVE") throw trustxError(400, "Process token is INACTIVE", ctx.path);
  if (token.type === "MULTI_USE_COUNT_LIMITED" && token.counter >= (token.maxCount ?? 1)) throw trustxError(400, "Process token usage count exhausted", ctx.path);
  if (token.notBeforeDtm && now < Date.parse(token.notBeforeDtm)) throw trustxError(400, "Process token is not valid yet", ctx.path);
  if (token.notAfterDtm && now > Date.parse(token.notAfterDtm)) throw trustxError(400, "Process token has expired", ctx.path);
  const def = definitions(ctx.state.cfg.seed).find((d) => d.name === token.processDefnName) ?? { id: "", version: 1 };
  const str = (v: unknown): string => (typeof v === "string" ? v : "");
  const rec: InstanceRecord = {
    id: newId(), index: null, processDefnId: def.id, processDefnName: token.processDefnName, processDefnVersion: def.version,
    firstName: str(token.parameters.firstName), lastName: str(token.parameters.lastName),
    createdAt: Math.max(now, ctx.state.data.dataEnd + 1), elapsedMilliseconds: 0, status: "PENDING", tokenId: token.id, userData: null,
  };
  token.counter++;
  token.lastUpdatedDtm = new Date(now).toISOString();
  store.addInstance(rec);
  const ps = `${ctx.state.baseUrl}/trustx/api/process-server/startProcess?pi=${rec.id}`;
  const ui = token.uiUrl || `${ctx.state.baseUrl}/trustx/web/`;
  return json({ redirectUrl: `${ui}${ui.includes("?") ? "&" : "?"}ps=${encodeURIComponent(ps)}`, processInstanceId: rec.id });
}

function instance(ctx: Ctx): InstanceRecord {
  requireTrustx(ctx);
  const rec = ctx.state.trustx.store.get(ctx.params.id ?? "");
  if (!rec) throw trustxError(404, "Process instance not found", ctx.path);
  return rec;
}

/** sort=createdAt,desc is the default; "createdAt" alone means ascending (Spring); other properties fall back to the default. */
function sortDesc(ctx: Ctx): boolean {
  const given = ctx.query.get("sort");
  if (!given) return true;
  const [field, dir] = given.split(",").map((s) => s.trim().toLowerCase());
  return field !== "createdat" || dir === "desc";
}

function list(ctx: Ctx): Reply {
  requireTrustx(ctx);
  const { page, size } = springPaging(ctx.query);
  const store = ctx.state.trustx.store;
  if (page > 0 && ctx.state.faults.takeDrift("trustx")) store.grow(Math.max(ctx.state.clock.now(), ctx.state.data.dataEnd + 1));
  const body = springPage(store.total, page, size, store.page(page * size, size, sortDesc(ctx)).map((r) => renderInstance(ctx, r)));
  return json(quirkySpringPage(ctx.state.quirks, "X5", page, size, body));
}

function dateParam(ctx: Ctx, name: string): number | undefined {
  const v = ctx.query.get(name);
  if (v === null || v.trim() === "") return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(v)) throw trustxError(400, `${name} must be an ISO-8601 date-time`, ctx.path);
  return t;
}

function search(ctx: Ctx): Reply {
  requireTrustx(ctx);
  const { page, size } = springPaging(ctx.query);
  const statusList = ctx.query.get("processInstanceStatus");
  const statuses = statusList ? new Set(statusList.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean)) : undefined;
  const result = ctx.state.trustx.store.search({
    text: ctx.query.get("searchString")?.trim() || undefined,
    start: dateParam(ctx, "startDateTime"),
    end: dateParam(ctx, "endDateTime"),
    definitionName: ctx.query.get("processDefinitionName")?.trim() || undefined,
    definitionId: ctx.query.get("processDefinitionId")?.trim() || undefined,
    statuses,
  }, page * size, size, sortDesc(ctx));
  return json(quirkySpringPage(ctx.state.quirks, "X6", page, size, springPage(result.total, page, size, result.items.map((r) => renderInstance(ctx, r)))));
}

function userData(ctx: Ctx): Reply {
  const rec = instance(ctx);
  if (rec.processDefnId !== ctx.params.defnId || !rec.userData) throw trustxError(404, "No user data for this process instance", ctx.path);
  return json(rec.userData);
}

function startProcess(ctx: Ctx): Reply {
  const id = ctx.query.get("pi") ?? "";
  const rec = ctx.state.trustx.store.get(id);
  if (!rec) return html("<h1>Process instance not found</h1>", 404);
  if (rec.status === "PENDING") activate(ctx.state, rec.id);
  const now = ctx.state.trustx.store.get(id) ?? rec;
  return html(`<!doctype html><html><head><meta charset="utf-8"><title>Identity verification</title></head><body>
<h1>Identity verification</h1><p>Hello ${escapeHtml(`${now.firstName} ${now.lastName}`.trim() || "there")}, your verification (${escapeHtml(now.processDefnName)}) has started.</p>
<p>Status: <strong>${escapeHtml(STATUS_MAPPED[now.status])}</strong> (${now.status}). This sandbox page completes the journey automatically.</p></body></html>`);
}

function web(ctx: Ctx): Reply {
  const ps = ctx.query.get("ps");
  if (ps && ps.startsWith(`${ctx.state.baseUrl}/trustx/`)) return { status: 302, headers: { location: ps }, raw: "" };
  return html("<h1>TrustX web journey</h1><p>Open the redirectUrl returned when the process instance was created.</p>");
}

export function processRoutes(r: Router): void {
  const pm = "/api/process-manager";
  r.post(`${pm}/processTokens`, createToken);
  r.post(`${pm}/processInstances/create`, createInstance);
  r.get(`${pm}/processInstances/search`, search);
  r.get(`${pm}/processInstances`, list);
  r.get(`${pm}/processInstances/:id`, (ctx) => json(renderInstance(ctx, instance(ctx))), { readId: "id" });
  r.get(`${pm}/processInstances/:id/withParameters`, (ctx) => {
    const rec = instance(ctx);
    const token = ctx.state.trustx.store.token(rec.tokenId);
    return json({ ...renderInstance(ctx, rec), processTokenId: rec.tokenId, processTokenParameters: token?.parameters ?? {} });
  }, { readId: "id" });
  r.get("/api/userdata-server/processDefinitions/:defnId/processInstances/:id/userdata", userData, { readId: "id" });
  r.get("/api/process-server/startProcess", startProcess);
  r.get("/web", web);
  r.get("/web/", web);
}
