// Shared test harness: an in-process sandbox on port 0 plus a tiny webhook receiver.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { SandboxOptions } from "../config";
import { startSandbox, type RunningSandbox } from "../server";

export const UA = { "User-Agent": "ComplianceDesk/1.0" };

export interface Harness {
  sb: RunningSandbox;
  env: Record<string, string>;
  truliooToken(): Promise<string>;
  jumioToken(): Promise<string>;
  trustxToken(): Promise<string>;
  control(path: string, body?: unknown, method?: string): Promise<Response>;
  close(): Promise<void>;
}

export async function boot(options: SandboxOptions = {}): Promise<Harness> {
  const sb = await startSandbox({ port: 0, profiles: 200, ...options });
  const env = sb.env;
  const get = (k: string): string => env[k] ?? "";
  return {
    sb,
    env,
    async truliooToken() {
      const res = await fetch(`${get("TRULIOO_AUTH_URL")}/connect/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "workflow.studio.api", client_id: get("TRULIOO_CLIENT_ID"), client_secret: get("TRULIOO_CLIENT_SECRET") }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async jumioToken() {
      const basic = Buffer.from(`${get("JUMIO_CLIENT_ID")}:${get("JUMIO_CLIENT_SECRET")}`).toString("base64");
      const res = await fetch(`${get("JUMIO_AUTH_URL")}/oauth2/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", ...UA },
        body: "grant_type=client_credentials",
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async trustxToken() {
      const res = await fetch(`${get("TRUSTX_BASE_URL")}/api/arthr/apiKeys/issue`, {
        method: "POST",
        headers: { "x-api-key": get("TRUSTX_API_KEY"), "content-type": "application/json" },
        body: "{}",
      });
      return ((await res.json()) as { token: string }).token;
    },
    control(path, body, method) {
      return fetch(`${sb.url}/_sandbox${path}`, {
        method: method ?? (body === undefined ? "GET" : "POST"),
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    close: () => sb.close(),
  };
}

export interface Received {
  headers: IncomingHttpHeaders;
  url: string;
  body: string;
  json: Record<string, unknown>;
}

/** A webhook receiver that answers the Trulioo handshake and records everything. */
export async function receiver(opts: { failFirst?: number; answerHandshake?: boolean } = {}) {
  const received: Received[] = [];
  let failures = opts.failFirst ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // keep the raw body only
      }
      received.push({ headers: req.headers, url: req.url ?? "", body, json });
      if (json.type === "url_verification") {
        if (opts.answerHandshake === false) {
          res.writeHead(500).end();
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ challenge: json.challenge }));
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    events: () => received.filter((r) => r.json.type === "EVENT_CALLBACK"),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export async function waitFor<T>(fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
