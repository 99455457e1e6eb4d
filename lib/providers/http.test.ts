import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ProviderAuthError, ProviderHttpError, ProviderResponseError, ProviderTimeoutError } from "./errors";
import { ProviderHttp, type TProviderRequest } from "./http";
import { TokenCache } from "./token-cache";

type Step = Response | Error | ((init: RequestInit) => Response);

function scripted(steps: Step[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url: String(url), headers: init.headers as Record<string, string> });
    const step = steps.shift();
    if (!step) throw new Error("no more scripted responses");
    if (step instanceof Error) throw step;
    return typeof step === "function" ? step(init) : step;
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function makeHttp(steps: Step[], options: { tokens?: TokenCache; maxAttempts?: number } = {}) {
  const { fetchImpl, calls } = scripted(steps);
  const sleeps: number[] = [];
  const http = new ProviderHttp({
    provider: "trulioo",
    timeoutMs: 1000,
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    userAgent: "ComplianceDesk/1.0",
    tokens: options.tokens,
    describeError: (body) => {
      const b = (body ?? {}) as { code?: number; message?: string };
      return { code: b.code ?? null, message: b.message ?? null, details: null };
    },
    fetch: fetchImpl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
  });
  return { http, calls, sleeps };
}

const get: TProviderRequest = { operation: "GET /thing", method: "GET", url: "http://upstream.test/thing", idempotent: true };
const post: TProviderRequest = { operation: "POST /thing", method: "POST", url: "http://upstream.test/thing", json: {}, idempotent: false };
const ZThing = z.object({ ok: z.boolean() });

describe("provider transport", () => {
  it("retries 5xx with exponential backoff and succeeds", async () => {
    const { http, sleeps } = makeHttp([json(500, {}), json(502, {}), json(200, { ok: true })]);
    expect(await http.json(get, ZThing)).toEqual({ ok: true });
    expect(sleeps).toEqual([100, 200]);
  });

  it("honours Retry-After on 429", async () => {
    const { http, sleeps } = makeHttp([json(429, {}, { "retry-after": "3" }), json(200, { ok: true })]);
    await http.json(get, ZThing);
    expect(sleeps).toEqual([3000]);
  });

  it("gives up after the bounded number of attempts with the last error", async () => {
    const { http, calls } = makeHttp([json(503, { message: "busy" }), json(503, {}), json(503, {}), json(503, { message: "still busy" })]);
    const error = await http.json(get, ZThing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect((error as ProviderHttpError).status).toBe(503);
    expect((error as ProviderHttpError).retryable).toBe(true);
    expect(calls).toHaveLength(4);
  });

  it("never retries a 4xx that will not change", async () => {
    const { http, calls } = makeHttp([json(409, { code: 4111, message: "Status transition not permitted" })]);
    const error = (await http.json(get, ZThing).catch((e: unknown) => e)) as ProviderHttpError;
    expect(error.code).toBe(4111);
    expect(error.retryable).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it("retries a non-idempotent call after 503 but not after 500", async () => {
    const retried = makeHttp([json(503, {}), json(200, { ok: true })]);
    expect(await retried.http.json(post, ZThing)).toEqual({ ok: true });
    const notRetried = makeHttp([json(500, {}), json(200, { ok: true })]);
    await expect(notRetried.http.json(post, ZThing)).rejects.toBeInstanceOf(ProviderHttpError);
    expect(notRetried.calls).toHaveLength(1);
  });

  it("retries timeouts for reads and reports them for writes, whose outcome is unknown", async () => {
    const timeout = new DOMException("timed out", "TimeoutError");
    const read = makeHttp([timeout, json(200, { ok: true })]);
    expect(await read.http.json(get, ZThing)).toEqual({ ok: true });
    const write = makeHttp([timeout]);
    await expect(write.http.json(post, ZThing)).rejects.toBeInstanceOf(ProviderTimeoutError);
  });

  it("refreshes the token once on 401 and retries; a second 401 is an auth error", async () => {
    let issued = 0;
    const tokens = new TokenCache(async () => ({ token: `t${++issued}`, expiresInSeconds: 3600 }));
    const ok = makeHttp([json(401, { code: 4012 }), json(200, { ok: true })], { tokens });
    expect(await ok.http.json(get, ZThing)).toEqual({ ok: true });
    expect(ok.calls.map((c) => c.headers.Authorization)).toEqual(["Bearer t1", "Bearer t2"]);

    const denied = makeHttp([json(401, {}), json(401, {})], { tokens });
    await expect(denied.http.json(get, ZThing)).rejects.toBeInstanceOf(ProviderAuthError);
  });

  it("names every wrong field of a malformed response by its path", async () => {
    const { http } = makeHttp([json(200, { ok: "yes" })]);
    const error = (await http.json(get, ZThing).catch((e: unknown) => e)) as ProviderResponseError;
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.issues[0]?.path).toBe("ok");
    expect(error.message).toMatch(/GET \/thing returned an invalid response \(ok: /);
  });

  it("reports a body that is not JSON", async () => {
    const { http } = makeHttp([new Response("<html>", { status: 200 })]);
    await expect(http.json(get, ZThing)).rejects.toThrow(/body is not JSON/);
  });

  it("sends the User-Agent on every call", async () => {
    const { http, calls } = makeHttp([json(200, { ok: true })]);
    await http.json(get, ZThing);
    expect(calls[0]?.headers["User-Agent"]).toBe("ComplianceDesk/1.0");
  });
});

describe("token cache", () => {
  it("renews at 80 % of the lifetime and shares one renewal between concurrent callers", async () => {
    let now = 0;
    let issued = 0;
    const cache = new TokenCache(async () => ({ token: `t${++issued}`, expiresInSeconds: 100 }), () => now);
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(["t1", "t1", "t1"]);
    now = 79_000;
    expect(await cache.get()).toBe("t1");
    now = 80_001;
    expect(await cache.get()).toBe("t2");
    expect(issued).toBe(2);
  });
});
