// The sandbox HTTP server: mounts each provider under its prefix, runs fault injection
// before any handler, and turns every error into a provider-shaped 4xx (or an honest 500).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ZodError } from "zod";
import { startActivity } from "./activity";
import { resolveConfig, type SandboxConfig, type SandboxOptions } from "./config";
import { controlRoutes } from "./control";
import { sandboxEnv } from "./env";
import { BodyTooLarge } from "./http/body";
import { Ctx, json, type Reply } from "./http/context";
import { HttpError, providerError, type Provider } from "./http/errors";
import { Router, type Match } from "./http/router";
import { jumioToken } from "./jumio/auth";
import { retrievalRoutes } from "./jumio/retrieval";
import { s3Routes } from "./jumio/s3";
import { SandboxState } from "./state";
import { truliooToken } from "./trulioo/auth";
import { exportRoutes } from "./trulioo/export";
import { flowRoutes } from "./trulioo/flows";
import { hostedRoutes, platformRoutes } from "./trulioo/platform";
import { storageRoutes } from "./trulioo/storage";
import { trustxIssue } from "./trustx/auth";
import { processRoutes } from "./trustx/process";

interface Mount {
  prefix: string;
  provider: Provider;
  router: Router;
  /** Trulioo's /test prefix applies right after the base (§0.1). */
  testable?: boolean;
}

export interface RunningSandbox {
  url: string;
  port: number;
  config: SandboxConfig;
  state: SandboxState;
  env: Record<string, string>;
  close(): Promise<void>;
}

function mounts(): Mount[] {
  const platform = new Router();
  platformRoutes(platform);
  flowRoutes(platform);
  const exp = new Router();
  exportRoutes(exp);
  const hosted = new Router();
  hostedRoutes(hosted);
  const storage = new Router();
  storageRoutes(storage);
  const retrieval = new Router();
  retrievalRoutes(retrieval);
  const s3 = new Router();
  s3Routes(s3);
  const trustx = new Router().post("/api/arthr/apiKeys/issue", trustxIssue);
  processRoutes(trustx);
  const control = new Router();
  controlRoutes(control);
  return [
    { prefix: "/trulioo/auth", provider: "trulioo", router: new Router().post("/connect/token", truliooToken) },
    { prefix: "/trulioo/wfs/interpreter-v2", provider: "trulioo", router: platform, testable: true },
    { prefix: "/trulioo/wfs/export", provider: "trulioo", router: exp, testable: true },
    { prefix: "/trulioo/hosted", provider: "trulioo", router: hosted },
    { prefix: "/trulioo/storage", provider: "trulioo", router: storage },
    { prefix: "/jumio/auth", provider: "jumio", router: new Router().post("/oauth2/token", jumioToken) },
    { prefix: "/jumio/retrieval", provider: "jumio", router: retrieval },
    { prefix: "/jumio/s3", provider: "jumio", router: s3 },
    { prefix: "/trustx", provider: "trustx", router: trustx },
    { prefix: "/_sandbox", provider: "control", router: control },
  ];
}

function send(res: ServerResponse, reply: Reply, head: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const body = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.raw === undefined && reply.body !== undefined) headers["content-type"] ??= "application/json; charset=utf-8";
  headers["content-length"] = Buffer.byteLength(body);
  res.writeHead(reply.status, headers);
  res.end(head ? undefined : body);
}

function errorReply(e: unknown, provider: Provider, path: string): Reply {
  if (e instanceof HttpError) return { status: e.status, body: e.body, headers: e.headers };
  const err =
    e instanceof BodyTooLarge ? providerError(provider, 413, "Request body too large", path)
    : e instanceof ZodError ? providerError(provider, 400, e.issues.map((i) => i.message).join("; "), path)
    : undefined;
  if (err) return { status: err.status, body: err.body };
  console.error("[sandbox] unhandled error on", path, e);
  const internal = providerError(provider, 500, "Internal sandbox error", path);
  return { status: 500, body: internal.body };
}

/** The mount and route a request is for; pure, so it can run before faults and be counted either way. */
function route(table: Mount[], method: string, path: string): { mount?: Mount; sub: string; test: boolean; match?: Match } {
  const mount = table.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`));
  if (!mount) return { sub: path, test: false };
  let sub = path.slice(mount.prefix.length) || "/";
  let test = false;
  if (mount.testable && (sub === "/test" || sub.startsWith("/test/"))) {
    test = true;
    sub = sub.slice(5) || "/";
  }
  return { mount, sub, test, match: mount.router.match(method, sub) };
}

function countRequest(state: SandboxState, provider: Provider, method: string, match: Match | undefined, params: Record<string, string>, status: number): void {
  if (provider === "control" || provider === "root") return;
  if (!match || "status" in match) {
    state.routes.count(provider, `${method} (no route)`);
    return;
  }
  state.routes.count(provider, `${method} ${match.pattern}`);
  const idParam = match.meta.readId;
  const id = idParam ? params[idParam] : undefined;
  if (id !== undefined && status >= 200 && status < 300) {
    // UUIDs (Trulioo, Jumio) are case-insensitive; TrustX ids are upper-case already.
    state.routes.read(provider, method === "HEAD" ? "GET" : method, match.pattern, provider === "trustx" ? id : id.toLowerCase());
  }
}

async function handle(state: SandboxState, table: Mount[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const method = req.method ?? "GET";
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://sandbox.invalid");
  } catch {
    send(res, json({ message: "Malformed request URL" }, 400), false);
    return;
  }
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const { mount, test, match } = route(table, method, path);
  const provider: Provider = mount?.provider ?? "root";
  const ctx = new Ctx(req, url, provider, state, state.cfg.maxBodyBytes);
  ctx.test = test;
  let reply: Reply;
  try {
    const fault = await state.faults.before(provider, path);
    if (fault.kind === "hang") {
      // Hold the connection past the client's timeout, then drop it without an answer.
      const timer = setTimeout(() => req.socket.destroy(), fault.ms);
      timer.unref();
      req.socket.once("close", () => clearTimeout(timer));
      state.stats.inc(`requests.${provider}`);
      countRequest(state, provider, method, match, {}, 0);
      return;
    }
    if (fault.kind === "reply") {
      reply = fault.reply;
    } else if (!mount || !match) {
      reply = path === "/" ? json({ name: "Compliance Desk provider sandbox", env: sandboxEnv(state.baseUrl, state.cfg), controls: `${state.baseUrl}/_sandbox/stats` }) : json({ message: "Not found" }, 404);
    } else {
      if ("status" in match) throw providerError(provider, match.status, match.status === 405 ? `Method ${method} not allowed` : `No such endpoint: ${method} ${path}`, path);
      ctx.params = match.params;
      reply = await match.handler(ctx);
    }
  } catch (e) {
    reply = errorReply(e, provider, path);
  }
  send(res, reply, method === "HEAD");
  state.stats.inc(`requests.${provider}`);
  state.stats.inc(`status.${reply.status}`);
  countRequest(state, provider, method, match, ctx.params, reply.status);
  if (state.cfg.log) console.error(`[sandbox] ${method} ${path} -> ${reply.status} (${Date.now() - started} ms)`);
}

/** Applies `movedPaths`; an unknown route is a startup error, not a silently ignored setting. */
function moveRoutes(table: Mount[], moved: Record<string, string>): void {
  for (const [key, to] of Object.entries(moved)) {
    const [provider = "", method = "", pattern = ""] = key.split(" ");
    const mount = table.find((m) => m.provider === provider && m.router.has(method, pattern));
    if (!mount) {
      const known = table.filter((m) => m.provider === provider).flatMap((m) => m.router.list().map((r) => `${provider} ${r.method} ${r.pattern}`));
      throw new Error(`movedPaths: no route "${key}". Routes of ${provider}: ${known.join(", ")}`);
    }
    mount.router.move(method, pattern, to);
  }
}

function registerReadRoutes(state: SandboxState, table: Mount[]): void {
  for (const m of table) {
    for (const r of m.router.list()) if (r.meta.readId) state.routes.registerReadRoute({ provider: m.provider, method: r.method, pattern: r.pattern });
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const config = resolveConfig(options);
  const table = mounts();
  moveRoutes(table, config.movedPaths);
  const state = new SandboxState(config);
  registerReadRoutes(state, table);
  const server = createServer((req, res) => {
    handle(state, table, req, res).catch((e: unknown) => {
      console.error("[sandbox] request failed:", e);
      try {
        if (!res.headersSent) send(res, json({ message: "Internal sandbox error" }, 500), false);
      } catch {
        res.destroy();
      }
    });
  });
  server.on("clientError", (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const url = `http://${host}:${port}`;
  state.baseUrl = url;
  startActivity(state, config.activityIntervalMs);
  return {
    url,
    port,
    config,
    state,
    env: sandboxEnv(url, config),
    close: () =>
      new Promise<void>((resolve) => {
        state.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
