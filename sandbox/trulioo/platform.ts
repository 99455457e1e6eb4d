// Trulioo Platform API writes (§1.3): P1 bulk status, P2/P3 links, P4 signed URLs and
// the hosted page those URLs open.
import { createHmac, timingSafeEqual } from "node:crypto";
import { LINK_TYPES, type LinkType, type ProfileRecord, type Status } from "../data/truliooTypes";
import { isRecord } from "../http/body";
import { escapeHtml, html, json, type Ctx, type Reply } from "../http/context";
import { HttpError, truliooError } from "../http/errors";
import type { Router } from "../http/router";
import { requireTrulioo } from "./auth";
import { NEVER_TARGETS, TARGETS, TRANSITIONS } from "./transitions";
import type { EventType } from "./webhooks";

async function body(ctx: Ctx, code: number): Promise<Record<string, unknown>> {
  let b: unknown;
  try {
    b = await ctx.json();
  } catch (e) {
    if (e instanceof HttpError && e.status === 413) throw e;
    throw truliooError(400, code, `Malformed JSON body`);
  }
  if (!isRecord(b)) throw truliooError(400, code, "Request body must be a JSON object");
  return b;
}

async function bulkStatus(ctx: Ctx): Promise<Reply> {
  requireTrulioo(ctx);
  const b = await body(ctx, 400);
  const ids = b.endClientIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100 || !ids.every((x) => typeof x === "string" && x.length > 0)) {
    throw truliooError(400, 400, "endClientIds must be an array of 1 to 100 client ids");
  }
  if (typeof b.status !== "string") throw truliooError(400, 400, "status is required");
  const upper = b.status.trim().toUpperCase();
  const target = (upper === "DECLINED" ? "REJECTED" : upper) as Status;
  if (!TARGETS.has(target) && !NEVER_TARGETS.has(target)) throw truliooError(400, 400, `Unknown status ${b.status}`);
  const unique = [...new Set(ids as string[])];
  const store = ctx.state.trulioo.store;
  const records = new Map<string, ProfileRecord>();
  const unknown: string[] = [];
  for (const id of unique) {
    const rec = store.get(id, ctx.test);
    if (rec) records.set(id, rec);
    else unknown.push(id);
  }
  if (unknown.length) throw truliooError(404, 4100, "Client not found", { endClientIds: unknown });
  if (NEVER_TARGETS.has(target)) throw truliooError(409, 4111, `Status transition not permitted: ${target} is not a valid target`, { endClientIds: unique });
  const forbidden = unique.filter((id) => {
    const current = records.get(id)?.status ?? "NOT_STARTED";
    return current !== target && !TRANSITIONS[current].includes(target);
  });
  if (forbidden.length) throw truliooError(409, 4111, "Status transition not permitted", { endClientIds: forbidden });
  const event = `MANUALLY_${target}` as EventType;
  // Counted once the request is applied: a job that sent a chunk twice shows as noops here.
  ctx.state.stats.inc("statusChanges.requests");
  ctx.state.stats.inc("statusChanges.ids", unique.length);
  for (const id of unique) {
    if (records.get(id)?.status === target) {
      ctx.state.stats.inc("statusChanges.noops");
      continue;
    }
    ctx.state.stats.inc("statusChanges.changed");
    const rec = store.edit(id, ctx.test);
    if (!rec) continue;
    rec.status = target;
    rec.statusManuallyChanged = true;
    store.touch(rec);
    ctx.state.trulioo.webhooks.emit({ type: event, clientId: id, flowId: Object.keys(rec.flowData)[0] ?? "", test: ctx.test });
  }
  return json({ message: "Status updated", code: 0 });
}

function pairOf(b: Record<string, unknown>, code: number): { from: string; to: string } {
  const { from, to } = b;
  if (typeof from !== "string" || typeof to !== "string" || !from || !to) throw truliooError(400, code, "from and to are required");
  if (from === to) throw truliooError(400, code, "An end client cannot be linked to itself");
  return { from, to };
}

function requireBoth(ctx: Ctx, from: string, to: string): void {
  const unknown = [from, to].filter((id) => !ctx.state.trulioo.store.get(id, ctx.test));
  if (unknown.length) throw truliooError(404, 4100, "Client not found", { endClientIds: unknown });
}

const samePair = (from: string, to: string) => (l: { from: string; to: string }) =>
  (l.from === from && l.to === to) || (l.from === to && l.to === from);

async function createLink(ctx: Ctx): Promise<Reply> {
  requireTrulioo(ctx);
  const b = await body(ctx, 4105);
  const { from, to } = pairOf(b, 4105);
  if (typeof b.type !== "string" || !(LINK_TYPES as readonly string[]).includes(b.type)) {
    throw truliooError(400, 4105, `type must be one of ${LINK_TYPES.join(", ")}`);
  }
  requireBoth(ctx, from, to);
  const store = ctx.state.trulioo.store;
  if (store.get(from, ctx.test)?.links.some(samePair(from, to))) throw truliooError(400, 4105, "These end clients are already linked");
  const link = { from, to, type: b.type as LinkType };
  for (const id of [from, to]) {
    const rec = store.edit(id, ctx.test);
    if (!rec) continue;
    rec.links = [...rec.links, link];
    store.touch(rec);
  }
  return json({ message: "Link created", code: 0 }, 201);
}

async function deleteLink(ctx: Ctx): Promise<Reply> {
  requireTrulioo(ctx);
  const { from, to } = pairOf(await body(ctx, 4106), 4106);
  requireBoth(ctx, from, to);
  const store = ctx.state.trulioo.store;
  if (!store.get(from, ctx.test)?.links.some(samePair(from, to))) throw truliooError(400, 4106, "These end clients are not linked");
  for (const id of [from, to]) {
    const rec = store.edit(id, ctx.test);
    if (!rec) continue;
    rec.links = rec.links.filter((l) => !samePair(from, to)(l));
    store.touch(rec);
  }
  return json({ message: "Link deleted", code: 0 });
}

function signature(ctx: Ctx, payload: string): string {
  return createHmac("sha256", ctx.state.cfg.credentials.truliooClientSecret).update(payload).digest("hex").slice(0, 32);
}

function signedUrl(ctx: Ctx): Reply {
  requireTrulioo(ctx);
  const wf = ctx.state.data.workflows.find((w) => w.id === ctx.params.flowId && w.published);
  if (!wf) throw truliooError(404, 4000, "Flow not found");
  const endClientId = ctx.query.get("endClientId")?.trim() || undefined;
  if (endClientId && !ctx.state.trulioo.store.get(endClientId, ctx.test)) throw truliooError(404, 4100, "Client not found");
  const expires = ctx.state.clock.now() + ctx.state.cfg.signedUrlTtlSeconds * 1000;
  const test = ctx.test ? "1" : "0";
  const sig = signature(ctx, `${wf.id}|${endClientId ?? ""}|${expires}|${test}`);
  const q = new URLSearchParams({ ...(endClientId ? { endClientId } : {}), expires: String(expires), test, sig });
  return json({ url: `${ctx.state.baseUrl}/trulioo/hosted/${wf.id}?${q}`, expiresAt: new Date(expires).toISOString() });
}

function hostedPage(ctx: Ctx): Reply {
  const flowId = ctx.params.flowId ?? "";
  const endClientId = ctx.query.get("endClientId") ?? undefined;
  const expires = Number(ctx.query.get("expires"));
  const test = ctx.query.get("test") === "1";
  const expected = Buffer.from(signature(ctx, `${flowId}|${endClientId ?? ""}|${ctx.query.get("expires")}|${test ? "1" : "0"}`));
  const given = Buffer.from(ctx.query.get("sig") ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return html("<h1>Invalid link</h1>", 403);
  if (!Number.isFinite(expires) || ctx.state.clock.now() >= expires) return html("<h1>This link has expired</h1><p>Ask for a new verification link.</p>", 410);
  const wf = ctx.state.data.workflows.find((w) => w.id === flowId && w.published);
  if (!wf) return html("<h1>Flow not found</h1>", 404);
  let session;
  try {
    const flows = ctx.state.trulioo.flows;
    session = endClientId ? flows.attach(wf, test, endClientId) : flows.start(wf, test);
  } catch {
    return html("<h1>Client not found</h1>", 404);
  }
  const step = ctx.state.trulioo.flows.step(session);
  const elements = Array.isArray(step.elements) ? (step.elements as Array<{ name: string; type: string }>) : [];
  return html(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(wf.name)}</title></head><body>
<h1>${escapeHtml(wf.name)}</h1><h2>${escapeHtml(String(step.title ?? ""))}</h2>
<p>Session <code>${escapeHtml(session.clientId)}</code>${test ? " (test mode)" : ""}</p>
<form>${elements.map((e) => `<label>${escapeHtml(e.name)} <input name="${escapeHtml(e.name)}" type="${e.type === "file" ? "file" : "text"}"></label><br>`).join("\n")}</form>
<p>Sandbox page: drive the flow through the Platform API (F1-F4) with x-hf-session set to the session above.</p></body></html>`);
}

export function platformRoutes(r: Router): void {
  r.put("/end-clients/status", bulkStatus);
  r.post("/end-clients", createLink);
  r.delete("/end-clients", deleteLink);
  r.get("/signed-url/:flowId", signedUrl);
}

export function hostedRoutes(r: Router): void {
  r.get("/:flowId", hostedPage);
}
