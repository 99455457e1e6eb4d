import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZClientDetailsSchema, ZTokenResponseSchema } from "../trulioo/schemas";
import { unknownFields } from "./shape";

describe("unknownFields (which raw keys a zod v4 schema does not know)", () => {
  it("names extra keys of objects, nested ones by their path", () => {
    const schema = z.object({ id: z.string(), owner: z.object({ name: z.string() }) });
    expect(unknownFields(schema, { id: "1", extra: 1, owner: { name: "a", age: 3 } })).toEqual(["extra", "owner.age"]);
    expect(unknownFields(schema, { id: "1", owner: { name: "a" } })).toEqual([]);
  });

  it("generalises array items to [] and record keys to *", () => {
    const schema = z.object({ items: z.array(z.object({ a: z.number() })), byId: z.record(z.string(), z.object({ b: z.number() })) });
    const raw = { items: [{ a: 1 }, { a: 2, c: 3 }, { a: 3, c: 4 }], byId: { x: { b: 1, d: 1 }, y: { b: 2 } } };
    expect(unknownFields(schema, raw)).toEqual(["byId.*.d", "items[].c"]);
  });

  it("looks through optional, nullable, default, catch, readonly, lazy and pipes (transform and preprocess)", () => {
    const inner = z.object({ a: z.number() });
    const schema = z.object({
      o: inner.optional(),
      n: inner.nullable(),
      d: inner.default({ a: 0 }),
      c: inner.catch({ a: 0 }),
      r: inner.readonly(),
      l: z.lazy(() => inner),
      t: inner.transform((v) => v.a),
      p: z.preprocess((v) => v, inner),
    });
    const extra = { a: 1, x: true };
    const raw = { o: extra, n: extra, d: extra, c: extra, r: extra, l: extra, t: extra, p: extra };
    expect(unknownFields(schema, raw)).toEqual(["c.x", "d.x", "l.x", "n.x", "o.x", "p.x", "r.x", "t.x"]);
    expect(unknownFields(schema, { o: null, n: undefined })).toEqual([]);
  });

  it("reads a union through the option that accepts the value, and reports only what no option knows otherwise", () => {
    // Trulioo's token answer has two spellings (contract §1.1): each is judged by its own keys.
    expect(unknownFields(ZTokenResponseSchema, { access_token: "t", expires_in: 3600, scope: "s" })).toEqual(["scope"]);
    expect(unknownFields(ZTokenResponseSchema, { Token: "t", ExpiresIn: 3600, TokenType: "Bearer" })).toEqual(["TokenType"]);
    expect(unknownFields(ZTokenResponseSchema, { access_token: 1, Token: 2, other: 3 })).toEqual(["other"]);
  });

  it("keeps extra keys of a loose object unknown, but a typed catch-all makes them known", () => {
    expect(unknownFields(z.looseObject({ a: z.number() }), { a: 1, b: 2 })).toEqual(["b"]);
    expect(unknownFields(z.object({ a: z.number() }).catchall(z.object({ v: z.number() })), { a: 1, b: { v: 1, w: 2 } })).toEqual(["b.w"]);
  });

  it("treats unknown and free records as free JSON, and ignores values of the wrong kind", () => {
    const schema = z.object({ free: z.unknown(), details: z.record(z.string(), z.unknown()), list: z.array(z.object({ a: z.number() })) });
    expect(unknownFields(schema, { free: { deep: 1 }, details: { any: { thing: 1 } }, list: "not a list" })).toEqual([]);
  });

  it("applies a preprocess step first: a key the app reads under another name is not reported", async () => {
    const { ZProcessInstanceSchema } = await import("../trustx/schemas");
    const instance = { id: "PI1", status: "ACTIVE", createdDtm: "2026-05-01T10:00:00Z", surprise: 1 };
    expect(unknownFields(ZProcessInstanceSchema, instance)).toEqual(["surprise"]);
  });

  it("walks a real app schema: a Trulioo client detail with fields the schema does not have", () => {
    const raw = {
      id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      created: 1_718_000_000_000,
      lastModified: 1_718_000_000_000,
      status: "ACCEPTED",
      riskLevel: "LOW",
      flowData: { f1: { id: "f1", fieldData: { e1: { id: "e1", name: "First Name", value: ["Zoë"], confidence: 0.9 } }, serviceData: [{ serviceStatus: "COMPLETED", nodeId: "n", vendor: "x" }] } },
    };
    expect(unknownFields(ZClientDetailsSchema, raw)).toEqual(["flowData.*.fieldData.*.confidence", "flowData.*.serviceData[].vendor", "riskLevel"]);
  });
});
