// Trulioo Platform flow endpoints (§1.3 F1-F5). Bearer is required only for workflows
// published as authenticated; the session travels in the x-hf-session header.
import { randomBytes } from "node:crypto";
import type { WorkflowDef } from "../data/workflows";
import { BodyTooLarge, parseMultipart } from "../http/body";
import { json, type Ctx, type Reply } from "../http/context";
import { HttpError, truliooError } from "../http/errors";
import type { Router } from "../http/router";
import { sniffMime } from "../data/files";
import { requireTrulioo } from "./auth";
import type { Session } from "./flowEngine";

function workflow(ctx: Ctx): WorkflowDef {
  const wf = ctx.state.data.workflows.find((w) => w.id === ctx.params.flowId && w.published);
  if (!wf) throw truliooError(404, 4000, "Flow not found");
  if (wf.authenticated) requireTrulioo(ctx);
  return wf;
}

function sessionHeader(ctx: Ctx): string | undefined {
  return ctx.header("x-hf-session")?.trim() || undefined;
}

function requireSession(ctx: Ctx, wf: WorkflowDef): Session {
  const id = sessionHeader(ctx);
  if (!id) throw truliooError(404, 4100, "Client not found: the x-hf-session header is required");
  return ctx.state.trulioo.flows.resume(wf, ctx.test, id);
}

function withSession(s: Session, body: Record<string, unknown>): Reply {
  return json(body, 200, { "x-hf-session": s.clientId });
}

function getFlow(ctx: Ctx): Reply {
  const wf = workflow(ctx);
  const flows = ctx.state.trulioo.flows;
  const s = sessionHeader(ctx) ? requireSession(ctx, wf) : flows.start(wf, ctx.test);
  return withSession(s, flows.step(s));
}

async function submit(ctx: Ctx): Promise<Reply> {
  const wf = workflow(ctx);
  let body: unknown;
  try {
    body = await ctx.json();
  } catch (e) {
    if (e instanceof HttpError && e.status === 413) throw truliooError(400, 4008, "Submitted data is too large");
    throw truliooError(400, 4007, "Submitted data is malformed: the body must be JSON");
  }
  const flows = ctx.state.trulioo.flows;
  let s: Session;
  if (sessionHeader(ctx)) {
    s = requireSession(ctx, wf);
  } else {
    // Direct submission without a session is allowed for a first node that is a form.
    if (wf.nodes[wf.root]?.kind !== "form") throw truliooError(400, 4015, "Invalid direct submit on root not form node");
    s = flows.start(wf, ctx.test);
  }
  const retry = (ctx.header("x-hf-retry-on-pending") ?? "").toLowerCase() === "true";
  return withSession(s, await flows.submit(s, body, retry));
}

function back(ctx: Ctx): Reply {
  const wf = workflow(ctx);
  const s = requireSession(ctx, wf);
  return withSession(s, ctx.state.trulioo.flows.back(s));
}

async function upload(ctx: Ctx): Promise<Reply> {
  const wf = workflow(ctx);
  const s = requireSession(ctx, wf);
  const max = ctx.state.cfg.maxUploadBytes;
  let buf: Buffer;
  try {
    buf = await ctx.body(max + 64 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw truliooError(400, 4008, `File larger than ${max} bytes`);
    throw truliooError(400, 4007, "Could not read the upload");
  }
  const parts = parseMultipart(buf, ctx.header("content-type"));
  if (!parts) throw truliooError(400, 4007, "Submitted data is malformed: expected multipart/form-data");
  const part = parts.find((p) => p.name === "file");
  if (!part || part.data.length === 0) throw truliooError(400, 4007, "Submitted data is malformed: no file part");
  if (part.data.length > max) throw truliooError(400, 4008, `File larger than ${max} bytes`);
  const mime = sniffMime(part.data);
  if (!mime) throw truliooError(400, 4008, "Failed validation for submitted data: only PNG, JPEG and PDF files are accepted");
  const stored = ctx.state.trulioo.uploads.add({ bytes: part.data, mime, filename: part.filename || `upload.${mime.split("/")[1]}`, clientId: s.clientId, test: s.test });
  if (!stored) throw truliooError(400, 4008, "Sandbox upload storage is full");
  return withSession(s, { key: stored.key });
}

function connector(ctx: Ctx): Reply {
  requireTrulioo(ctx);
  const wf = ctx.state.data.workflows.find((w) => w.id === ctx.params.flowId && w.published);
  if (!wf) throw truliooError(404, 4000, "Flow not found");
  const clientId = ctx.params.clientId ?? "";
  if (!ctx.state.trulioo.store.get(clientId, ctx.test)) throw truliooError(404, 4100, "Client not found");
  const token = randomBytes(18).toString("base64url");
  ctx.state.trulioo.connectorTokens.set(token, { clientId, flowId: wf.id, test: ctx.test, expiresAt: ctx.state.clock.now() + 86_400_000 });
  return json({ token });
}

function connect(ctx: Ctx): Reply {
  const entry = ctx.state.trulioo.connectorTokens.get(ctx.params.token ?? "");
  if (!entry || entry.test !== ctx.test) throw truliooError(404, 4102, "Subsequent token not found");
  if (ctx.state.clock.now() >= entry.expiresAt) throw truliooError(401, 4012, "Token has expired");
  const wf = ctx.state.data.workflows.find((w) => w.id === entry.flowId);
  if (!wf) throw truliooError(404, 4000, "Flow not found");
  const s = ctx.state.trulioo.flows.attach(wf, entry.test, entry.clientId);
  return withSession(s, { flowId: wf.id });
}

export function flowRoutes(r: Router): void {
  r.get("/flow/:flowId", getFlow);
  r.post("/submit/:flowId", submit);
  r.post("/back/:flowId", back);
  r.post("/file/:flowId", upload);
  r.post("/connector/:clientId/:flowId", connector);
  r.get("/connect/:token", connect);
}
