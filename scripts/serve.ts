import { createWriteStream, mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { getEdgeEnv, getProviderEnv } from "../lib/env";
import { parseTrustedProxies } from "../lib/http/client-address";
import { EDGE_HEADERS, markEdgeInstalled, refuseMalformedPath, refuseOversizedBody, stampRequest } from "../lib/http/edge";
import { discardUnreadBody, sendWebResponse, toWebRequest } from "../lib/http/node-bridge";
import { errorFields, log } from "../lib/log";

const WEBHOOK_RESPONSE_HEADERS = { "x-content-type-options": "nosniff", "x-frame-options": "DENY", "cache-control": "no-store" };

// The app's production server: Next.js behind a thin front that decides which forwarded headers to
// believe (TRUSTED_PROXIES), stamps the client address and a request id of its own, refuses oversized
// bodies before they are read, and answers webhooks itself. `npm start` and the demo run this (under
// the react-server condition, as the worker does), never bare `next start`.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = getEdgeEnv();
// A provider variable that cannot be right (a path without its placeholder, say) stops the start here,
// naming it, rather than failing the first page that calls the provider.
getProviderEnv();
const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
const { values: args } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = args.port ? Number(args.port) : env.PORT;
const hostname = args.hostname ?? env.HOST;

if (env.APP_LOG_FILE) {
  mkdirSync(path.dirname(env.APP_LOG_FILE), { recursive: true });
  const copy = createWriteStream(env.APP_LOG_FILE, { flags: "w" });
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      copy.write(chunk as string);
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}

markEdgeInstalled();
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();

await app.prepare();
// Loaded once Next.js has set up its server runtime (its request storage), which these handlers use.
const { WEBHOOK_HANDLERS } = await import("../lib/webhooks/http");
const server = createServer((req, res) => {
  const { requestId } = stampRequest(req, trusted);
  res.setHeader(EDGE_HEADERS.requestId, requestId);
  if (refuseMalformedPath(req, res) || refuseOversizedBody(req, res)) return;
  const webhook = req.method === "POST" ? WEBHOOK_HANDLERS.get((req.url ?? "/").split("?")[0]!) : undefined;
  if (webhook) {
    void serveWebhook(req, res, webhook, requestId);
    return;
  }
  handle(req, res).catch((error: unknown) => {
    log.error({ requestId, ...errorFields(error) }, "request failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong. It has been logged." } }));
  });
});
// Webhooks are answered here, before Next.js: the same handlers as app/api/webhooks/*, without page
// routing on every event of a storm. A refused sender's unread body is discarded, never kept.
async function serveWebhook(req: IncomingMessage, res: ServerResponse, handler: (req: Request) => Promise<Response>, requestId: string) {
  discardUnreadBody(req, res);
  try {
    const response = await handler(toWebRequest(req, `http://${hostname}:${port}`));
    // Answered before its body was read (a refusal): this connection will not carry another request.
    await sendWebResponse(res, response, req.complete ? WEBHOOK_RESPONSE_HEADERS : { ...WEBHOOK_RESPONSE_HEADERS, connection: "close" });
  } catch (error) {
    log.error({ requestId, ...errorFields(error) }, "webhook failed");
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", connection: "close", ...WEBHOOK_RESPONSE_HEADERS });
    res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong. It has been logged." } }));
  }
}

server.headersTimeout = 30_000;
server.requestTimeout = 120_000;
// Idle keep-alive connections outlive the clients' own pools (Node's agent drops idle sockets after 5 s,
// proxies after about 60 s): when the server closed first, at the same 5 s, a request sent on the socket
// as it closed was reset (ECONNRESET) instead of answered.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  log.info({ url: `http://${hostname}:${port}`, trustedProxies: trusted.size }, "app listening");
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
