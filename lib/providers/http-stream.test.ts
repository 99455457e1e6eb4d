import { describe, expect, it } from "vitest";
import { ProviderHttpError } from "./errors";
import { ProviderHttp, type TProviderRequest } from "./http";

const get: TProviderRequest = { operation: "GET /file", method: "GET", url: "http://upstream.test/file", idempotent: true };

function makeHttp(streamFetch: (url: string, init: RequestInit) => Promise<Response>, timeoutMs = 1000) {
  const calls: string[] = [];
  const http = new ProviderHttp({
    provider: "trulioo",
    timeoutMs,
    maxAttempts: 3,
    baseDelayMs: 1,
    maxDelayMs: 5,
    userAgent: "ComplianceDesk/1.0",
    describeError: () => ({ code: null, message: null, details: null }),
    fetch: async () => {
      throw new Error("the buffered fetch must not serve a stream");
    },
    streamFetch: (async (url: string, init: RequestInit) => {
      calls.push(url);
      return streamFetch(url, init);
    }) as never,
    sleep: async () => undefined,
    random: () => 1,
  });
  return { http, calls };
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A body that sends `first`, then waits for `release` (or forever), then sends the rest or fails. */
function slowBody(first: Uint8Array, then: { wait: Promise<void>; rest?: Uint8Array; fail?: Error }, signal?: AbortSignal | null) {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(first);
      const aborted = new Promise<never>((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
      try {
        await Promise.race([then.wait, aborted]);
        if (then.fail) throw then.fail;
        if (then.rest) controller.enqueue(then.rest);
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

describe("ProviderHttp.stream", () => {
  it("retries before the first byte, then hands the body over as it arrives", async () => {
    const answers = [new Response("busy", { status: 503 }), new Response(new Uint8Array([1, 2, 3]), { headers: { "content-type": "image/png", "content-length": "3", "content-disposition": 'attachment; filename="a%20b.png"' } })];
    const { http, calls } = makeHttp(async () => answers.shift()!);
    const download = await http.stream(get);
    expect(calls).toHaveLength(2);
    expect(download).toMatchObject({ contentType: "image/png", contentLength: 3, filename: "a b.png" });
    expect([...(await readAll(download.body))]).toEqual([1, 2, 3]);
  });

  it("never retries once the body has begun: a failure mid-body reaches the reader", async () => {
    let release!: () => void;
    const wait = new Promise<void>((r) => (release = r));
    const { http, calls } = makeHttp(async (_url, init) => new Response(slowBody(new Uint8Array([9]), { wait, fail: new Error("connection reset") }, init.signal)));
    const download = await http.stream(get);
    const reading = readAll(download.body);
    release();
    await expect(reading).rejects.toThrow(/connection reset/);
    expect(calls).toHaveLength(1);
  });

  it("aborts a body that stalls longer than the timeout", async () => {
    const { http } = makeHttp(async (_url, init) => new Response(slowBody(new Uint8Array([1]), { wait: new Promise(() => undefined) }, init.signal)), 50);
    const download = await http.stream(get);
    await expect(readAll(download.body)).rejects.toThrow();
  });

  it("turns a 404 into the provider's error, without a body to stream", async () => {
    const { http } = makeHttp(async () => new Response(JSON.stringify({ code: 4100 }), { status: 404 }));
    await expect(http.stream(get)).rejects.toBeInstanceOf(ProviderHttpError);
  });
});
