import { createHmac, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/db";

const TOKEN = "test-webhook-token";
const SECRET = "test-webhook-secret";
const JUMIO_TOKEN = "test-jumio-callback-token";

type Receive = typeof import("../../lib/webhooks/receive");

describe("webhook receivers", () => {
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let receive: Receive;
  const encode = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));
  const sign = (raw: Uint8Array) => createHmac("sha256", SECRET).update(raw).digest("hex");
  const event = (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    token: TOKEN,
    type: "EVENT_CALLBACK",
    event: { type: "MANUALLY_ACCEPTED", ts: 1718011363, user: "0b9b7f4e-5a0c-4c8e-9b1a-2f1d3c4b5a69" },
    userId: "0b9b7f4e-5a0c-4c8e-9b1a-2f1d3c4b5a69",
    flowId: "65f0c0ffee0000000000abcd",
    test: false,
    retry: 0,
    ...overrides,
  });
  const stored = () => isolated.db.webhookEvent.findMany({ orderBy: { id: "asc" } });
  // The drainers' wake-up: one NOTIFY per stored event that waits to be processed.
  let listener: pg.Client;
  let notifications = 0;
  const notified = async () => {
    await new Promise((r) => setTimeout(r, 150));
    return notifications;
  };

  const saved = { ...process.env };

  beforeAll(async () => {
    isolated = await createIsolatedDatabase("webhooks");
    // The receivers read their configuration from the environment, as the app does.
    Object.assign(process.env, {
      DATABASE_URL: isolated.url,
      NEXTAUTH_SECRET: "a-test-secret-of-enough-length",
      TRULIOO_WEBHOOK_TOKEN: TOKEN,
      TRULIOO_WEBHOOK_SECRET: SECRET,
      JUMIO_CALLBACK_TOKEN: JUMIO_TOKEN,
    });
    receive = await import("../../lib/webhooks/receive");
    listener = new pg.Client({ connectionString: isolated.url });
    await listener.connect();
    listener.on("notification", () => void (notifications += 1));
    await listener.query("LISTEN webhook_inbox");
  });
  afterAll(async () => {
    await listener?.end();
    const { getProducer } = await import("../../lib/jobs/boss");
    await (await getProducer(isolated.url)).stop({ graceful: false, wait: true });
    const { getDb, getPool } = await import("../../lib/db");
    await getDb().$disconnect();
    await getPool().end().catch(() => undefined);
    await isolated.drop();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it("answers the verification handshake with the challenge, and refuses a wrong token", async () => {
    const body = { type: "URL_VERIFICATION", token: TOKEN, challenge: "c-123" };
    expect(await receive.receiveTruliooWebhook(encode(body), null)).toEqual({ challenge: "c-123" });
    await expect(receive.receiveTruliooWebhook(encode({ ...body, token: "nope" }), null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a bad or missing signature and stores nothing", async () => {
    const raw = encode(event());
    await expect(receive.receiveTruliooWebhook(raw, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(receive.receiveTruliooWebhook(raw, "0".repeat(64))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const tampered = encode({ ...JSON.parse(new TextDecoder().decode(raw)), userId: "someone-else" });
    await expect(receive.receiveTruliooWebhook(tampered, sign(raw))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await stored()).toEqual([]);
  });

  it("refuses a correctly signed event carrying the wrong verification token", async () => {
    const raw = encode(event({ token: "other" }));
    await expect(receive.receiveTruliooWebhook(raw, sign(raw))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await stored()).toEqual([]);
  });

  it("stores a signed event once and wakes the drainers once; a replay is acknowledged as a duplicate", async () => {
    const before = await notified();
    const raw = encode(event());
    expect(await receive.receiveTruliooWebhook(raw, sign(raw).toUpperCase())).toEqual({ received: true, duplicate: false });
    expect(await receive.receiveTruliooWebhook(raw, sign(raw))).toEqual({ received: true, duplicate: true });
    const events = await stored();
    expect(events).toHaveLength(1);
    // An operator's status change waits in lane 1, behind people's own activity.
    expect(events[0]).toMatchObject({ source: "trulioo", type: "MANUALLY_ACCEPTED", state: "RECEIVED", lane: 1 });
    expect(await notified()).toBe(before + 1);
  });

  it("keeps unknown event types and test-flow events without processing them", async () => {
    for (const body of [event({ event: { type: "SOMETHING_NEW", ts: 1 } }), event({ test: true })]) {
      const raw = encode(body);
      expect(await receive.receiveTruliooWebhook(raw, sign(raw))).toEqual({ received: true, duplicate: false });
    }
    expect((await stored()).slice(-2).map((e) => e.state)).toEqual(["IGNORED", "IGNORED"]);
    expect(await notified()).toBe(1);
  });

  it("rejects bodies that are not JSON or not events with a 400", async () => {
    await expect(receive.receiveTruliooWebhook(new TextEncoder().encode("{nope"), null)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const raw = encode({ hello: "world" });
    await expect(receive.receiveTruliooWebhook(raw, sign(raw))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("takes Jumio callbacks with the right token only, once per execution status", async () => {
    const callback = {
      callbackSentAt: "2026-01-21T14:55:01.917Z",
      workflowExecution: { id: randomUUID(), href: "x", definitionKey: "10013", status: "PROCESSED" },
      account: { id: randomUUID(), href: "y" },
    };
    await expect(receive.receiveJumioCallback(encode(callback), "wrong")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(receive.receiveJumioCallback(encode(callback), null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await receive.receiveJumioCallback(encode(callback), JUMIO_TOKEN)).toEqual({ received: true, duplicate: false });
    expect(await receive.receiveJumioCallback(encode(callback), JUMIO_TOKEN)).toEqual({ received: true, duplicate: true });
    const jumio = (await stored()).filter((e) => e.source === "jumio");
    expect(jumio).toHaveLength(1);
    expect(jumio[0]!.subjectId).toBe(`${callback.account.id}/${callback.workflowExecution.id}`);
  });

  it("stores a Trulioo event without its verification token or any other secret", async () => {
    const body = event({ details: { apiSecret: "s-1", items: [{ signature: "sig-1", keep: 1 }], Password: "p-1", note: "kept" } });
    const raw = encode(body);
    expect(await receive.receiveTruliooWebhook(raw, sign(raw))).toEqual({ received: true, duplicate: false });
    const row = (await stored()).find((e) => e.dedupeKey === body.id);
    expect(row).toBeDefined();
    const text = JSON.stringify(row!.payload);
    for (const secret of [TOKEN, "s-1", "sig-1", "p-1"]) expect(text).not.toContain(secret);
    expect(row!.payload).toEqual({ ...body, token: undefined, details: { items: [{ keep: 1 }], note: "kept" } });
  });

  it("answers 400 to a Jumio callback with a 900 KB value for an indexed key, and stores nothing", async () => {
    const huge = "x".repeat(900 * 1024);
    const callback = (workflowExecution: Record<string, unknown>, callbackSentAt = "2026-01-21T14:55:01.917Z") => ({
      callbackSentAt,
      workflowExecution: { id: randomUUID(), href: "x", definitionKey: "10013", status: "PROCESSED", ...workflowExecution },
      account: { id: randomUUID(), href: "y" },
    });
    const before = (await stored()).length;
    for (const body of [callback({ status: huge }), callback({}, huge), callback({ id: huge }), callback({ definitionKey: huge })]) {
      const error = await receive.receiveJumioCallback(encode(body), JUMIO_TOKEN).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    }
    expect((await stored()).length).toBe(before);
  });

  it("answers 400 to a signed Trulioo event with an over-long id or subject, and stores nothing", async () => {
    const before = (await stored()).length;
    for (const body of [event({ id: "i".repeat(900 * 1024) }), event({ userId: "u".repeat(10_000) }), event({ event: { type: "T".repeat(5000) } })]) {
      const raw = encode(body);
      await expect(receive.receiveTruliooWebhook(raw, sign(raw))).rejects.toMatchObject({ code: "BAD_REQUEST", status: 400 });
    }
    expect((await stored()).length).toBe(before);
  });

  it("stores an event whose payload holds a NUL character without it, and answers 400 to a NUL in a key", async () => {
    const body = event({ details: { note: "before\u0000after", "key\u0000": "v", literal: "\\u0000 stays" } });
    const raw = encode(body);
    expect(await receive.receiveTruliooWebhook(raw, sign(raw))).toEqual({ received: true, duplicate: false });
    const row = (await stored()).find((e) => e.dedupeKey === body.id);
    expect(row?.payload).toMatchObject({ details: { note: "beforeafter", key: "v", literal: "\\u0000 stays" } });

    const callback = {
      callbackSentAt: "2026-01-21T14:55:01.917Z",
      workflowExecution: { id: randomUUID(), href: "x\u0000", definitionKey: "10013", status: "PROCESSED" },
      account: { id: randomUUID(), href: "y" },
    };
    expect(await receive.receiveJumioCallback(encode(callback), JUMIO_TOKEN)).toEqual({ received: true, duplicate: false });

    const before = (await stored()).length;
    for (const bad of [event({ id: "id\u0000x" }), event({ userId: "u\u0000" }), event({ event: { type: "MANUALLY_ACCEPTED\u0000", ts: 1 } })]) {
      const signed = encode(bad);
      await expect(receive.receiveTruliooWebhook(signed, sign(signed))).rejects.toMatchObject({ code: "BAD_REQUEST", status: 400 });
    }
    const badCallback = { ...callback, callbackSentAt: "2026-01-21T14:55:01.917Z\u0000" };
    await expect(receive.receiveJumioCallback(encode(badCallback), JUMIO_TOKEN)).rejects.toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect((await stored()).length).toBe(before);
  });
});
