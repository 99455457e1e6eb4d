import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ProviderResponseError } from "./errors";
import { ProviderHttp } from "./http";
import { TokenCache } from "./token-cache";

type Call = { url: string; headers: Record<string, string> };

/** A transport that answers by URL, recording what was sent (headers included). */
function transport(routes: Record<string, () => Response>) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url: String(url), headers: { ...(init.headers as Record<string, string>) } });
    const route = routes[String(url)];
    if (!route) return new Response("not found", { status: 404 });
    return route();
  }) as unknown as typeof fetch;
  const http = new ProviderHttp({
    provider: "jumio",
    timeoutMs: 1000,
    maxAttempts: 2,
    baseDelayMs: 1,
    maxDelayMs: 1,
    userAgent: "ComplianceDesk/1.0",
    tokens: new TokenCache(async () => ({ token: "secret-token", expiresInSeconds: 3600 })),
    describeError: () => ({ code: null, message: null, details: null }),
    fetch: fetchImpl,
    streamFetch: fetchImpl,
    sleep: async () => undefined,
  });
  return { http, calls };
}

const redirect = (location: string, status = 302) => () => new Response(null, { status, headers: { location } });
const image = () => new Response(new Uint8Array([0xff, 0xd8, 0xff]), { status: 200, headers: { "content-type": "image/jpeg" } });
const ProviderResponseSchema = z.object({});
const part = { operation: "GET credential part", method: "GET" as const, url: "https://api.provider.test/parts/FRONT", idempotent: true };

describe("downloads that answer with a redirect to storage", () => {
  it("follows it to https storage, without the token or the request's headers", async () => {
    const { http, calls } = transport({
      "https://api.provider.test/parts/FRONT": redirect("https://storage.test/obj/1?X-Sig=abc"),
      "https://storage.test/obj/1?X-Sig=abc": image,
    });
    const file = await http.bytes({ ...part, headers: { "X-Custom": "1" } });
    expect([...file.bytes]).toEqual([0xff, 0xd8, 0xff]);
    expect(file.contentType).toBe("image/jpeg");
    expect(calls.map((c) => c.url)).toEqual(["https://api.provider.test/parts/FRONT", "https://storage.test/obj/1?X-Sig=abc"]);
    expect(calls[0]!.headers.Authorization).toBe("Bearer secret-token");
    expect(calls[1]!.headers.Authorization).toBeUndefined();
    expect(calls[1]!.headers["X-Custom"]).toBeUndefined();
  });

  it("follows a relative Location and a second hop, and streams the result", async () => {
    const { http, calls } = transport({
      "https://api.provider.test/parts/FRONT": redirect("/storage/a", 307),
      "https://api.provider.test/storage/a": redirect("https://cdn.test/a"),
      "https://cdn.test/a": image,
    });
    const stream = await http.stream(part);
    expect(stream.contentType).toBe("image/jpeg");
    expect(new Uint8Array(await new Response(stream.body).arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect(calls).toHaveLength(3);
    expect(calls.slice(1).every((c) => c.headers.Authorization === undefined)).toBe(true);
  });

  it("follows plain http only back to the provider's own origin", async () => {
    const local = { ...part, url: "http://127.0.0.1:4010/jumio/parts/FRONT" };
    const ok = transport({ [local.url]: redirect("/jumio/s3/obj?sig=1"), "http://127.0.0.1:4010/jumio/s3/obj?sig=1": image });
    expect((await ok.http.bytes(local)).bytes.length).toBe(3);

    const away = transport({ [part.url]: redirect("http://elsewhere.test/obj") });
    await expect(away.http.bytes(part)).rejects.toThrow(/only https is followed/);
    expect(away.calls).toHaveLength(1);
  });

  it("stops after a bounded number of hops and on a redirect without a Location", async () => {
    const loop = transport({ [part.url]: redirect(part.url) });
    const error = await loop.http.bytes(part).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(String(error)).toMatch(/more than 3 redirects/);
    expect(loop.calls).toHaveLength(4);

    const bare = transport({ [part.url]: () => new Response(null, { status: 302 }) });
    await expect(bare.http.bytes(part)).rejects.toThrow(/without a Location/);
  });

  it("does not follow redirects on API calls: a JSON read answered with 302 is an error", async () => {
    const { http } = transport({ [part.url]: redirect("https://storage.test/x") });
    await expect(http.json(part, ProviderResponseSchema)).rejects.toMatchObject({ status: 302 });
  });
});
