import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFetch } from "./node-fetch";

describe("nodeFetch", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.url === "/hang") return; // never answers
        if (req.url === "/empty") return res.writeHead(204).end();
        res.writeHead(req.url === "/missing" ? 404 : 200, { "content-type": "application/json", "retry-after": "3", "x-multi": ["a", "b"] });
        res.end(JSON.stringify({ method: req.method, body: Buffer.concat(chunks).toString(), ua: req.headers["user-agent"], zoë: "Zoë" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends method, headers and body, and reads status, headers and UTF-8 text", async () => {
    const res = await nodeFetch(`${base}/echo`, { method: "PUT", headers: { "User-Agent": "ComplianceDesk/1.0" }, body: '{"a":"ü"}' });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get("Retry-After")).toBe("3");
    expect(res.headers.get("x-multi")).toBe("a, b");
    expect(res.headers.get("absent")).toBeNull();
    expect(JSON.parse(await res.text())).toEqual({ method: "PUT", body: '{"a":"ü"}', ua: "ComplianceDesk/1.0", zoë: "Zoë" });
  });

  it("gives the bytes as an ArrayBuffer of exactly the body", async () => {
    const res = await nodeFetch(`${base}/missing`, {});
    expect(res.ok).toBe(false);
    const text = new TextDecoder().decode(await res.arrayBuffer());
    expect(JSON.parse(text)).toMatchObject({ method: "GET" });
  });

  it("answers 204 with an empty body", async () => {
    const res = await nodeFetch(`${base}/empty`, {});
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("rejects when the signal aborts a call that gets no answer", async () => {
    await expect(nodeFetch(`${base}/hang`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });

  it("rejects a protocol it does not speak", async () => {
    await expect(nodeFetch("ftp://example.test/x", {})).rejects.toThrow(/unsupported protocol/);
  });
});
