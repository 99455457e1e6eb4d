// The sandbox's own controls under /_sandbox (README "Control endpoints").
import { ZodError } from "zod";
import { clientId } from "./data/context";
import { WORKFLOW_STATUSES, type WorkflowStatus } from "./data/jumio";
import { INSTANCE_STATUSES, type InstanceStatus } from "./data/trustx";
import { activityStep, startActivity } from "./activity";
import { isRecord } from "./http/body";
import { json, type Ctx, type Reply } from "./http/context";
import { HttpError } from "./http/errors";
import type { Router } from "./http/router";
import { changeStatus, launchExecution } from "./jumio/lifecycle";
import { sandboxEnv } from "./env";
import { addNote, addTask, setTask } from "./trulioo/clientManager";
import { setInstanceStatus } from "./trustx/lifecycle";

const bad = (message: string, status = 400): HttpError => new HttpError(status, { message });

async function body(ctx: Ctx): Promise<Record<string, unknown>> {
  const buf = await ctx.body();
  if (buf.length === 0) return {};
  const b = await ctx.json();
  if (!isRecord(b) && !Array.isArray(b)) throw bad("body must be a JSON object");
  return b as Record<string, unknown>;
}

function urls(v: unknown, name: string): string[] {
  const list = v === null ? [] : typeof v === "string" ? [v] : Array.isArray(v) ? v : undefined;
  if (!list || !list.every((u) => typeof u === "string" && /^https?:\/\//.test(u))) throw bad(`${name} must be an http(s) URL, a list of them, or null`);
  return list as string[];
}

function stats(ctx: Ctx): Reply {
  const s = ctx.state;
  return json({
    uptimeSeconds: Math.round((Date.now() - s.stats.startedAt) / 1000),
    counters: s.stats.snapshot(),
    data: { seed: s.cfg.seed, profiles: s.data.profiles, jumioAccounts: s.data.jumioAccounts, jumioExecutions: s.data.jumioExecutions, trustxInstances: s.data.trustxInstances },
    overlays: { truliooProfiles: s.trulioo.store.overlaySize, uploads: s.trulioo.uploads.size, jumioExecutions: s.jumio.store.total - s.data.jumioExecutions, trustxInstances: s.trustx.store.total - s.data.trustxInstances },
    routes: s.routes.snapshot(),
    reads: s.routes.readSummary(),
    tokens: { live: s.tokens.size, issued: s.tokens.issued },
    webhooks: s.trulioo.webhooks.snapshot(),
    pendingTimers: s.scheduler.size,
    faults: s.faults.snapshot(),
  });
}

function reads(ctx: Ctx): Reply {
  const routes = ctx.state.routes;
  const known = routes.listReadRoutes();
  if (!routes.trackReads) throw bad("read tracking is off: start the sandbox with SANDBOX_TRACK_READS=1 (or trackReads: true)", 409);
  const q = ctx.query.get("route");
  if (!q) throw bad(`route is required, one of: ${known.join(", ")}`);
  const r = routes.findReadRoute(q);
  if (!r) throw bad(`reads are tracked for ${known.join(", ")}; not for "${q}"`, 404);
  return json(routes.readsOf(r));
}

async function faults(ctx: Ctx): Promise<Reply> {
  const b = await body(ctx);
  try {
    const list = Array.isArray(b) ? (b as unknown[]) : [b];
    const results = list.map((f) => ctx.state.faults.configure(f));
    return json(results.length === 1 ? results[0] : results);
  } catch (e) {
    if (e instanceof ZodError) throw bad(`invalid fault: ${e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`);
    throw e;
  }
}

async function clock(ctx: Ctx): Promise<Reply> {
  const b = await body(ctx);
  const c = ctx.state.clock;
  const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  if (b.reset === true) c.reset();
  if (num(b.advanceMs) !== undefined) c.advance(num(b.advanceMs) ?? 0);
  if (num(b.advanceSeconds) !== undefined) c.advance((num(b.advanceSeconds) ?? 0) * 1000);
  if (b.set !== undefined) {
    const t = typeof b.set === "number" ? b.set : typeof b.set === "string" ? Date.parse(b.set) : Number.NaN;
    if (!Number.isFinite(t)) throw bad("set must be epoch ms or an ISO date");
    c.set(t);
  }
  return json({ now: c.now(), iso: c.iso(), offsetMs: c.offset });
}

async function webhooks(ctx: Ctx): Promise<Reply> {
  const b = await body(ctx);
  if ("trulioo" in b) ctx.state.trulioo.webhooks.setTargets(urls(b.trulioo, "trulioo"));
  if ("jumio" in b) ctx.state.jumio.callbacks.urls = urls(b.jumio, "jumio");
  return json({ trulioo: ctx.state.trulioo.webhooks.snapshot(), jumio: { urls: ctx.state.jumio.callbacks.urls } });
}

function text(b: Record<string, unknown>): string {
  if (typeof b.text !== "string" || !b.text.trim()) throw bad("text is required");
  return b.text;
}

export function controlRoutes(r: Router): void {
  r.get("/health", () => json({ ok: true }));
  r.get("/config", (ctx) => json({ config: ctx.state.cfg, env: sandboxEnv(ctx.state.baseUrl, ctx.state.cfg) }));
  r.get("/stats", stats);
  r.post("/stats/reset", (ctx) => {
    ctx.state.stats.clear();
    ctx.state.routes.clear();
    return json({ reset: "counters" });
  });
  r.get("/reads", reads);
  r.post("/reset", (ctx) => {
    ctx.state.reset();
    startActivity(ctx.state, ctx.state.cfg.activityIntervalMs);
    return json({ reset: true });
  });
  r.get("/faults", (ctx) => json(ctx.state.faults.snapshot()));
  r.post("/faults", faults);
  r.delete("/faults", (ctx) => {
    const p = ctx.query.get("provider");
    if (p && p !== "trulioo" && p !== "jumio" && p !== "trustx" && p !== "all") throw bad("provider must be trulioo, jumio, trustx or all");
    ctx.state.faults.clear(p === "trulioo" || p === "jumio" || p === "trustx" ? p : undefined);
    return json(ctx.state.faults.snapshot());
  });
  r.get("/clock", clock);
  r.post("/clock", clock);
  r.get("/webhooks", webhooks);
  r.post("/webhooks", webhooks);
  r.get("/webhooks/deliveries", (ctx) => json({ trulioo: ctx.state.trulioo.webhooks.log, jumio: ctx.state.jumio.callbacks.log }));
  r.get("/trulioo/clients/by-index/:index", (ctx) => {
    const i = Number(ctx.params.index);
    if (!Number.isInteger(i) || i < 0 || i >= ctx.state.data.profiles) throw bad("index out of range", 404);
    return json({ index: i, id: clientId(ctx.state.data, i) });
  });
  const test = (ctx: Ctx): boolean => ctx.query.get("test") === "true";
  r.post("/trulioo/clients/:id/notes", async (ctx) => json(addNote(ctx.state, ctx.params.id ?? "", test(ctx), text(await body(ctx))) ?? notFound(), 201));
  r.post("/trulioo/clients/:id/tasks", async (ctx) => json(addTask(ctx.state, ctx.params.id ?? "", test(ctx), text(await body(ctx))) ?? notFound(), 201));
  r.post("/trulioo/clients/:id/tasks/:taskId", async (ctx) => {
    const b = await body(ctx);
    if (typeof b.resolved !== "boolean") throw bad("resolved must be a boolean");
    return json(setTask(ctx.state, ctx.params.id ?? "", test(ctx), ctx.params.taskId ?? "", b.resolved) ?? notFound());
  });
  r.post("/trulioo/clients/:id/abandon", (ctx) => {
    const rec = ctx.state.trulioo.flows.abandon(ctx.params.id ?? "", test(ctx));
    return json(rec ? { id: rec.id, status: rec.status } : notFound());
  });
  r.post("/jumio/executions", async (ctx) => {
    const b = await body(ctx);
    const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);
    const finalStatus = str(b.finalStatus);
    if (finalStatus && !(WORKFLOW_STATUSES as readonly string[]).includes(finalStatus)) throw bad(`finalStatus must be one of ${WORKFLOW_STATUSES.join(", ")}`);
    const rec = launchExecution(ctx.state, { accountId: str(b.accountId), reference: str(b.customerInternalReference), finalStatus: finalStatus as WorkflowStatus | undefined });
    return json({ id: rec.id, accountId: rec.accountId, status: rec.status, customerInternalReference: rec.customerInternalReference }, 201);
  });
  r.post("/jumio/executions/:id/status", async (ctx) => {
    const s = (await body(ctx)).status;
    if (typeof s !== "string" || !(WORKFLOW_STATUSES as readonly string[]).includes(s)) throw bad(`status must be one of ${WORKFLOW_STATUSES.join(", ")}`);
    const rec = changeStatus(ctx.state, ctx.params.id ?? "", s as WorkflowStatus);
    return json(rec ? { id: rec.id, status: rec.status } : notFound());
  });
  r.post("/trustx/instances/:id/status", async (ctx) => {
    const s = (await body(ctx)).status;
    if (typeof s !== "string" || !(INSTANCE_STATUSES as readonly string[]).includes(s)) throw bad(`status must be one of ${INSTANCE_STATUSES.join(", ")}`);
    const rec = setInstanceStatus(ctx.state, ctx.params.id ?? "", s as InstanceStatus);
    return json(rec ? { id: rec.id, status: rec.status } : notFound());
  });
  r.post("/activity/tick", async (ctx) => {
    const n = (await body(ctx)).count;
    const count = typeof n === "number" && Number.isInteger(n) && n > 0 ? Math.min(n, 1000) : 1;
    return json({ done: Array.from({ length: count }, () => activityStep(ctx.state)) });
  });
}

function notFound(): never {
  throw bad("not found", 404);
}
