import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The request body as a web stream that reads only when asked (pull): what nobody reads stays in the
 * socket, under TCP backpressure, instead of being queued in memory. Cancelling it leaves the request
 * to the front (see discardUnreadBody), so a refused sender still gets its answer.
 */
function pullBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let ended = false;
  let failure: Error | null = null;
  req.once("end", () => (ended = true));
  req.once("error", (error) => (failure = error));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      return new Promise<void>((resolve) => {
        const step = () => {
          if (failure) {
            controller.error(failure);
            return resolve();
          }
          const chunk = req.read() as Buffer | null;
          if (chunk) {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            return resolve();
          }
          if (ended || req.readableEnded) {
            controller.close();
            return resolve();
          }
          const again = () => {
            req.off("readable", again);
            req.off("end", again);
            req.off("error", again);
            step();
          };
          req.on("readable", again);
          req.on("end", again);
          req.on("error", again);
        };
        step();
      });
    },
    cancel() {
      // Nothing here: the front discards or closes once the answer is out.
    },
  });
}

const DISCARD_LIMIT = 8 * 1024 * 1024;
const DISCARD_MS = 5_000;

/**
 * For a request answered before its body was read (a refusal): once the answer is out, the rest of the
 * body is read and thrown away, at most 8 MB and 5 s, then the connection closes (answer such a request
 * with `Connection: close`). The sender reads our 4xx instead of a reset, and nothing of the body is kept.
 */
export function discardUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  res.once("finish", () => {
    if (req.complete || req.readableEnded) return;
    let discarded = 0;
    const stop = () => req.destroy();
    const timer = setTimeout(stop, DISCARD_MS);
    timer.unref();
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > DISCARD_LIMIT) stop();
    });
    req.once("end", () => clearTimeout(timer));
    req.resume();
  });
}

/** The incoming Node request as a web Request, its body streamed on demand (never buffered here). */
export function toWebRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? pullBody(req) : undefined,
    duplex: "half",
  } as RequestInit);
}

/** Writes a web Response (small bodies: webhook answers) to the Node response, with extra headers. */
export async function sendWebResponse(res: ServerResponse, response: Response, extra: Record<string, string>): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...extra };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}
