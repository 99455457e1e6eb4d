import { describe, expect, it } from "vitest";
import { TruliooClient } from "./client";
import { TruliooApiError } from "./errors";

const config = {
  authUrl: "http://auth.test",
  platformUrl: "http://platform.test",
  exportUrl: "http://export.test",
  clientId: "id",
  clientSecret: "secret",
  timeoutMs: 1000,
  maxAttempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 2,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A fake Trulioo that refuses some ids on status change, optionally without naming them. */
function fakeTrulioo(bad: Set<string>, nameIds: boolean) {
  const chunks: string[][] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    if (String(url).startsWith("http://auth.test")) return json(200, { access_token: "tok", expires_in: 3600 });
    const body = JSON.parse(String(init.body)) as { endClientIds: string[] };
    chunks.push(body.endClientIds);
    const refused = body.endClientIds.filter((id) => bad.has(id));
    if (refused.length === 0) return json(200, { message: "Status updated", code: 0 });
    return json(409, { code: 4111, message: "Status transition not permitted", ...(nameIds ? { details: { endClientIds: refused } } : {}) });
  }) as unknown as typeof fetch;
  return { client: new TruliooClient(config, { fetch: fetchImpl, sleep: async () => {} }), chunks };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);

describe("Trulioo bulk status change", () => {
  it("sends chunks of at most 100 ids", async () => {
    const { client, chunks } = fakeTrulioo(new Set(), true);
    const result = await client.updateStatuses(ids(250), "ACCEPTED");
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(result.changed).toHaveLength(250);
    expect(result.failed).toEqual([]);
  });

  it("retries a chunk without the ids the error names", async () => {
    const all = ids(10);
    const { client, chunks } = fakeTrulioo(new Set([all[3]!, all[7]!]), true);
    const result = await client.updateStatuses(all, "REJECTED");
    expect(result.failed.map((f) => f.id)).toEqual([all[3], all[7]]);
    expect(result.changed.sort()).toEqual(all.filter((_, i) => i !== 3 && i !== 7).sort());
    expect(chunks).toHaveLength(2);
    expect(result.failed[0]?.error).toBeInstanceOf(TruliooApiError);
    expect(result.failed[0]?.error.userMessage).toBe("Trulioo 4111: Status transition not permitted");
  });

  it("bisects a failing chunk whose error names no ids", async () => {
    const all = ids(16);
    const { client, chunks } = fakeTrulioo(new Set([all[5]!]), false);
    const result = await client.updateStatuses(all, "ACCEPTED");
    expect(result.failed.map((f) => f.id)).toEqual([all[5]]);
    expect(result.changed).toHaveLength(15);
    expect(chunks.length).toBeLessThanOrEqual(1 + 2 * Math.log2(16));
  });
});
