import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkTrustx } from "./trustx";

// X7's 404 is an answer only while no listed instance has got past capture: a moved X7 path answers 404
// too, and must not pass the go-live check as "no user data yet". A stand-in TrustX that has no user data
// at all shows both readings.

const INSTANCES = "/api/process-manager/processInstances";

function instance(id: string, status: string) {
  return { id, processDefnId: "defn-1", processDefnName: "Onboarding", createdAt: "2026-11-30T10:00:00Z", status };
}

async function fakeTrustx(statuses: string[]): Promise<{ server: Server; baseUrl: string; userDataReads: () => number }> {
  const content = statuses.map((s, i) => instance(`inst-${i}`, s));
  const page = { content, number: 0, size: 20, totalElements: content.length, totalPages: 1, last: true };
  let userDataReads = 0;
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://x");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "POST" && pathname === "/api/arthr/apiKeys/issue") return send(200, { token: "t", ttl: 3600 });
    if (pathname === INSTANCES || pathname === `${INSTANCES}/search`) return send(200, page);
    const one = /^\/api\/process-manager\/processInstances\/([^/]+)(\/withParameters)?$/.exec(pathname);
    const found = one ? content.find((c) => c.id === one[1]) : undefined;
    if (found) return send(200, one![2] ? { ...found, processTokenParameters: {} } : found);
    if (pathname.startsWith("/api/userdata-server/")) userDataReads += 1;
    return send(404, { message: "No user data for this process instance" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, userDataReads: () => userDataReads };
}

const config = (baseUrl: string) => ({ baseUrl, apiKey: "key", timeoutMs: 2000, maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
const context = () => ({ deadline: Date.now() + 20_000, sleep: async () => undefined });

describe("the connection check's TrustX user-data call (X7)", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("reads a 404 as 'no user data yet' when none of the listed instances has got past capture", async () => {
    const fake = await fakeTrustx(["PENDING", "ACTIVE", "PENDING", "ACTIVE"]);
    server = fake.server;
    const results = await checkTrustx(config(fake.baseUrl), context());
    const x7 = results.find((r) => r.ref === "X7")!;
    expect(x7).toMatchObject({ outcome: "accepted", reached: true, status: 404 });
    expect(x7.note).toBe("no user data yet (404 for the 3 instances tried, none of them past capture)");
    // Three instances are tried, one after another, before the 404 is read as an answer.
    expect(fake.userDataReads()).toBe(3);
    expect(results.filter((r) => r.ref !== "X7").map((r) => `${r.ref} ${r.outcome}`)).toEqual([
      "§3.1 accepted", "X5 accepted", "X6 accepted", "X3 accepted", "X4 accepted",
    ]);
  });

  it("fails X7 when an instance that has finished answers 404: the path is wrong, not the data missing", async () => {
    const fake = await fakeTrustx(["PENDING", "COMPLETED_ENDED_SUCCESS", "ACTIVE"]);
    server = fake.server;
    const results = await checkTrustx(config(fake.baseUrl), context());
    const x7 = results.find((r) => r.ref === "X7")!;
    expect(x7).toMatchObject({ outcome: "failed", reached: true, status: 404 });
    expect(x7.note).toContain("HTTP 404");
    // Only the instance that must have data is asked.
    expect(fake.userDataReads()).toBe(1);
  });
});
