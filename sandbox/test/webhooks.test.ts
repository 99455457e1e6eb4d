import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { boot, receiver, UA, waitFor, type Harness } from "./helpers";

const SECRET = "sandbox-trulioo-webhook-secret";

describe("Trulioo webhooks and Jumio callbacks", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  async function setup(opts: Parameters<typeof receiver>[0], sandbox: Parameters<typeof boot>[0] = {}) {
    const hook = await receiver(opts);
    const h = await boot({ profiles: 30, truliooWebhookUrls: [hook.url], webhookRetryScale: 0.01, duplicateShare: 0, ...sandbox });
    cleanup.push(() => h.close(), () => hook.close());
    return { hook, h };
  }
  async function acceptOne(h: Harness): Promise<string> {
    const auth = { authorization: `Bearer ${await h.truliooToken()}` };
    const list = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients?statuses=COMPLETED,PENDING_REVIEW`, { headers: auth })).json()) as { data: Array<{ id: string }> };
    const id = list.data[0]?.id ?? "";
    const res = await fetch(`${h.env.TRULIOO_PLATFORM_URL}/end-clients/status`, { method: "PUT", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ endClientIds: [id], status: "ACCEPTED" }) });
    expect(res.status).toBe(200);
    return id;
  }

  it("handshakes first, then signs each event body with lower-case hex HMAC-SHA256", async () => {
    const { hook, h } = await setup({});
    const id = await acceptOne(h);
    const ev = await waitFor(() => hook.events()[0]);
    expect(hook.received[0]?.json).toMatchObject({ type: "url_verification", token: "sandbox-trulioo-webhook-token", challenge: expect.any(String) });
    expect(ev.headers["x-trulioo-signature"]).toBe(createHmac("sha256", SECRET).update(ev.body).digest("hex"));
    expect(ev.headers["x-trulioo-signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(ev.json).toMatchObject({ id: expect.any(String), token: "sandbox-trulioo-webhook-token", type: "EVENT_CALLBACK", userId: id, test: false, retry: 0, event: { type: "MANUALLY_ACCEPTED", user: id } });
    expect((ev.json.event as { ts: number }).ts).toBeLessThan(1e12);
  });

  it("sends nothing until a handshake succeeds, repeating the handshake, then delivers the queue", async () => {
    const opts = { answerHandshake: false };
    const { hook, h } = await setup(opts);
    await acceptOne(h);
    await waitFor(() => hook.received.length >= 3);
    expect(hook.events()).toHaveLength(0);
    opts.answerHandshake = true;
    const ev = await waitFor(() => hook.events()[0]);
    expect((ev.json.event as { type: string }).type).toBe("MANUALLY_ACCEPTED");
    const kinds = hook.received.map((r) => String(r.json.type));
    expect(kinds.indexOf("EVENT_CALLBACK")).toBeGreaterThan(kinds.lastIndexOf("url_verification"));
  });

  it("retries failed deliveries with the same id and an increasing retry, re-signed", async () => {
    const { hook, h } = await setup({ failFirst: 2 });
    await acceptOne(h);
    const attempts = await waitFor(() => hook.events().length >= 3 && hook.events(), 3000);
    expect(attempts.map((a) => a.json.retry)).toEqual([0, 1, 2]);
    expect(new Set(attempts.map((a) => a.json.id)).size).toBe(1);
    for (const a of attempts) expect(a.headers["x-trulioo-signature"]).toBe(createHmac("sha256", SECRET).update(a.body).digest("hex"));
    const log = (await (await h.control("/webhooks/deliveries")).json()) as { trulioo: Array<{ kind: string; status: number }> };
    expect(log.trulioo.filter((l) => l.kind === "event").map((l) => l.status)).toEqual([503, 503, 200]);
  });

  it("sends a configurable share of byte-identical duplicates", async () => {
    const { hook, h } = await setup({}, { duplicateShare: 1 });
    await acceptOne(h);
    const both = await waitFor(() => hook.events().length >= 2 && hook.events());
    expect(both[0]?.body).toBe(both[1]?.body);
    expect(both[0]?.headers["x-trulioo-signature"]).toBe(both[1]?.headers["x-trulioo-signature"]);
  });

  it("calls Jumio back on every workflow.status change with ?token=, retrying on failure", async () => {
    const hook = await receiver({ failFirst: 1 });
    const h = await boot({ profiles: 10, jumioCallbackUrls: [hook.url], jumioRetryScale: 0.001, jumioProgressMs: 30 });
    cleanup.push(() => h.close(), () => hook.close());
    const created = (await (await h.control("/jumio/executions", {})).json()) as { id: string; accountId: string };
    const calls = await waitFor(() => {
      const statuses = hook.received.map((r) => (r.json.workflowExecution as { status: string } | undefined)?.status);
      return statuses.filter((s) => s === "PROCESSED").length >= 1 && hook.received;
    }, 3000);
    expect(calls.every((c) => c.url === "/hook?token=sandbox-jumio-callback-token")).toBe(true);
    const statuses = calls.map((c) => (c.json.workflowExecution as { status: string }).status);
    expect(statuses.filter((st) => st === "INITIATED")).toHaveLength(2); // the first attempt failed and was retried
    expect(statuses).toContain("ACQUIRED");
    expect(calls[0]?.json).toMatchObject({ callbackSentAt: expect.stringMatching(/Z$/), workflowExecution: { id: created.id, href: expect.any(String), definitionKey: expect.any(String) }, account: { id: created.accountId } });
    const token = await h.jumioToken();
    const rec = await fetch(`${h.env.JUMIO_RETRIEVAL_URL}/api/v1/accounts/${created.accountId}/workflow-executions/${created.id}`, { headers: { authorization: `Bearer ${token}`, ...UA } });
    expect(((await rec.json()) as { workflow: { status: string } }).workflow.status).toBe("PROCESSED");
  });
});
