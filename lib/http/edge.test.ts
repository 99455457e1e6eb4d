import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { parseTrustedProxies } from "./client-address";
import { refuseMalformedPath, refuseOversizedBody, stampRequest } from "./edge";

function request(headers: Record<string, string>, remoteAddress = "198.51.100.4", extra: Partial<IncomingMessage> = {}) {
  return { headers: { ...headers }, socket: { remoteAddress }, method: "POST", url: "/", ...extra } as unknown as IncomingMessage;
}

function response() {
  const sent: { status?: number; body?: string; headers?: Record<string, string> } = {};
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      sent.status = status;
      sent.headers = headers;
    },
    end(body: string) {
      sent.body = body;
    },
    on() {},
    once() {},
  } as unknown as ServerResponse;
  return { res, sent };
}

describe("stampRequest", () => {
  it("drops a client's forwarding headers and request id, and stamps its own", () => {
    const req = request({
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "6.6.6.6",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=6.6.6.6",
      "x-request-id": "forged\r\nline",
      "x-client-ip": "6.6.6.6",
    });
    const { requestId, clientIp } = stampRequest(req, parseTrustedProxies(""));
    expect(clientIp).toBe("198.51.100.4");
    expect(req.headers["x-client-ip"]).toBe("198.51.100.4");
    expect(req.headers["x-forwarded-for"]).toBe("198.51.100.4");
    expect(req.headers["x-request-id"]).toBe(requestId);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    for (const name of ["x-real-ip", "x-forwarded-host", "x-forwarded-proto", "forwarded"]) expect(req.headers[name]).toBeUndefined();
  });

  it("keeps a trusted proxy's host and scheme and takes the client from its chain", () => {
    const req = request({ "x-forwarded-for": "203.0.113.8", "x-forwarded-host": "desk.example", "x-forwarded-proto": "https" }, "10.0.0.5");
    const { clientIp } = stampRequest(req, parseTrustedProxies("10.0.0.0/8"));
    expect(clientIp).toBe("203.0.113.8");
    expect(req.headers["x-forwarded-host"]).toBe("desk.example");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("refuseOversizedBody", () => {
  it("answers 413 by Content-Length before reading, and leaves webhook routes to their own checks", () => {
    const { res, sent } = response();
    expect(refuseOversizedBody(request({ "content-length": String(2 * 1024 * 1024 + 1) }, undefined, { url: "/admin/users" } as never), res)).toBe(true);
    expect(sent.status).toBe(413);
    expect(refuseOversizedBody(request({ "content-length": String(2 * 1024 * 1024) }, undefined, { url: "/admin/users" } as never), response().res)).toBe(false);
    expect(refuseOversizedBody(request({ "content-length": String(50 * 1024 * 1024) }, undefined, { url: "/api/webhooks/jumio?token=x" } as never), response().res)).toBe(false);
  });

  it("answers 411 for a chunked body outside the webhook routes", () => {
    const { res, sent } = response();
    expect(refuseOversizedBody(request({ "transfer-encoding": "chunked" }, undefined, { url: "/api/auth/callback/credentials" } as never), res)).toBe(true);
    expect(sent.status).toBe(411);
    expect(refuseOversizedBody(request({ "transfer-encoding": "chunked" }, undefined, { url: "/api/webhooks/trulioo" } as never), response().res)).toBe(false);
  });

  it("refuses a Content-Length that is not a number and passes GETs", () => {
    expect(refuseOversizedBody(request({ "content-length": "1e9" }), response().res)).toBe(true);
    expect(refuseOversizedBody(request({}, undefined, { method: "GET" } as never), response().res)).toBe(false);
  });
});

describe("refuseMalformedPath", () => {
  it("answers 400 for a path Next.js cannot decode, and passes a stray % in the query", () => {
    for (const url of ["/profiles/%ZZ", "/api/auth/%", "/executions/%E0%A4%A"]) {
      const { res, sent } = response();
      expect(refuseMalformedPath(request({}, undefined, { method: "GET", url }), res)).toBe(true);
      expect(sent.status).toBe(400);
      expect(JSON.parse(sent.body!)).toMatchObject({ error: { code: "BAD_REQUEST" } });
    }
    for (const url of ["/profiles/a%2Fb", "/profiles?q=%ZZ", "/profiles/Zo%C3%AB"]) {
      const { res, sent } = response();
      expect(refuseMalformedPath(request({}, undefined, { method: "GET", url }), res)).toBe(false);
      expect(sent.status).toBeUndefined();
    }
  });
});
