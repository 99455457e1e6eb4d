import http from "node:http";
import https from "node:https";
import type { TFetch, TTransportResponse } from "./http";

// Keep-alive agents shared by every provider call of the process.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

const NULL_BODY = new Set([101, 204, 205, 304]);

function answer(status: number, headers: http.IncomingHttpHeaders, bytes: Buffer): TTransportResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    body: null,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    text: async () => bytes.toString("utf8"),
  };
}

/**
 * The provider transport's fetch, on node:http with keep-alive agents: about half the CPU per call
 * of the built-in fetch, which matters when a sync reads thousands of records a second. It buffers
 * the whole body before resolving (provider answers are small) and honours `init.signal` for the
 * request and the body alike.
 */
export const nodeFetch: TFetch = (input, init = {}) =>
  new Promise<TTransportResponse>((resolve, reject) => {
    const url = new URL(input);
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
    const body = typeof init.body === "string" ? init.body : undefined;
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const outgoing = (url.protocol === "https:" ? https : http).request(
      url,
      { method: init.method ?? "GET", headers, agent, signal: init.signal ?? undefined },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const status = res.statusCode ?? 502;
          resolve(answer(status, res.headers, NULL_BODY.has(status) ? Buffer.alloc(0) : Buffer.concat(chunks)));
        });
      },
    );
    outgoing.on("error", reject);
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });
