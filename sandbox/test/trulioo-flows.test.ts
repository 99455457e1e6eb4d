import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idCardPng } from "../data/files";
import { boot, receiver, waitFor, type Harness } from "./helpers";

interface Element {
  id: string;
  role?: string;
  type: string;
  normalizedName: string;
  options?: Array<{ value: string }>;
  value?: unknown;
}
interface Step {
  id?: string;
  type: string;
  title?: string;
  canGoBack?: boolean;
  elements?: Element[];
  shortCode?: string;
  value?: unknown;
}

describe("Trulioo flows (F1-F5) and their webhook events", () => {
  let h: Harness;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let wf: Array<{ id: string; name: string; corporate: boolean; published: boolean }>;
  let auth: Record<string, string>;
  const P = () => h.env.TRULIOO_PLATFORM_URL;

  async function call(method: string, path: string, opts: { session?: string; body?: unknown; headers?: Record<string, string>; test?: boolean } = {}) {
    const res = await fetch(`${P()}${opts.test ? "/test" : ""}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(opts.session ? { "x-hf-session": opts.session } : {}), ...opts.headers },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    return { status: res.status, session: res.headers.get("x-hf-session") ?? "", body: (await res.json()) as Step & { code?: number; key?: string } };
  }
  const byRole = (step: Step, role: string): string => step.elements?.find((e) => e.role === role || e.normalizedName === role)?.id ?? `missing-${role}`;
  async function upload(flowId: string, session: string, bytes: Buffer, name = "front.png", test = false) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), name);
    const res = await fetch(`${P()}${test ? "/test" : ""}/file/${flowId}`, { method: "POST", headers: { "x-hf-session": session }, body: form });
    return { status: res.status, body: (await res.json()) as { key?: string; code?: number } };
  }
  function details(step: Step, country: string, last = "Müller"): Record<string, unknown> {
    return {
      [byRole(step, "first_name")]: "Zoë", [byRole(step, "last_name")]: last, [byRole(step, "email")]: "zoe@example.com",
      [byRole(step, "dob")]: "1990-02-03", [byRole(step, "address_country")]: country, [byRole(step, "Consent")]: true,
    };
  }

  beforeAll(async () => {
    hook = await receiver();
    h = await boot({ profiles: 50, pendingMs: 150, truliooWebhookUrls: [hook.url], duplicateShare: 0 });
    auth = { authorization: `Bearer ${await h.truliooToken()}` };
    wf = ((await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/workflows`, { headers: auth })).json()) as { data: typeof wf }).data;
  });
  afterAll(async () => {
    await h.close();
    await hook.close();
  });

  it("runs the individual flow: validation, conditions, back, file step, pending service, END", async () => {
    const flowId = wf[0]?.id ?? "";
    const first = await call("GET", `/flow/${flowId}`);
    expect(first.status).toBe(200);
    const session = first.session;
    expect(session).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.body).toMatchObject({ type: "form", title: "Your details", canGoBack: false });
    const step = first.body;
    const good = details(step, "DE");
    expect((await call("POST", `/submit/${flowId}`, { session, body: [1] })).body.code).toBe(4007);
    expect((await call("POST", `/submit/${flowId}`, { session, body: { ...good, ffffffffffffffffffffffff: "x" } })).body.code).toBe(4014);
    const { [byRole(step, "email")]: _omit, ...noEmail } = good;
    expect((await call("POST", `/submit/${flowId}`, { session, body: noEmail })).body.code).toBe(4006);
    expect((await call("POST", `/submit/${flowId}`, { session, body: { ...good, [byRole(step, "email")]: "not-an-email" } })).body.code).toBe(4008);
    const badDate = await call("POST", `/submit/${flowId}`, { session, body: { ...good, [byRole(step, "dob")]: "1990-02-30" } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.code).toBe(4008);

    const intl = await call("POST", `/submit/${flowId}`, { session, body: good });
    expect(intl.body).toMatchObject({ type: "form", title: "Home address", canGoBack: true });
    expect(intl.body.elements?.some((e) => e.role === "national_id")).toBe(true);
    const back = await call("POST", `/back/${flowId}`, { session });
    expect(back.body).toMatchObject({ title: "Your details", canGoBack: false });
    expect(back.body.elements?.find((e) => e.role === "first_name")?.value).toBe("Zoë");
    expect((await call("POST", `/back/${flowId}`, { session })).body.code).toBe(4103);
    const na = await call("POST", `/submit/${flowId}`, { session, body: details(step, "US") });
    expect(na.body.elements?.some((e) => e.role === "address_state")).toBe(true);
    const doc = await call("POST", `/submit/${flowId}`, {
      session,
      body: { [byRole(na.body, "address_1")]: "1 Main Street", [byRole(na.body, "address_city")]: "Austin", [byRole(na.body, "address_state")]: "TX", [byRole(na.body, "address_zip")]: "73301" },
    });
    expect(doc.body).toMatchObject({ type: "trulioo_doc_v", title: "Identity document" });
    expect(doc.body.shortCode).toMatch(/^[0-9A-F]{6}$/);

    expect((await upload(flowId, session, Buffer.from("plain text"))).body.code).toBe(4008);
    const noPart = await fetch(`${P()}/file/${flowId}`, { method: "POST", headers: { "x-hf-session": session }, body: new FormData() });
    expect(((await noPart.json()) as { code: number }).code).toBe(4007);
    const png = idCardPng(5, "front");
    const up = await upload(flowId, session, png);
    expect(up.status).toBe(200);
    const key = up.body.key ?? "";
    const pending = await call("POST", `/submit/${flowId}`, { session, body: { [byRole(doc.body, "DocumentType")]: "PASSPORT", [byRole(doc.body, "DocumentFront")]: key }, headers: { "x-hf-retry-on-pending": "false" } });
    expect(pending.body).toEqual({ type: "pending" });
    expect(pending.session).toBe(session);
    expect((await call("GET", `/flow/${flowId}`, { session })).body).toEqual({ type: "pending" });
    let done = await call("GET", `/flow/${flowId}`, { session });
    for (let i = 0; i < 100 && done.body.type === "pending"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      done = await call("GET", `/flow/${flowId}`, { session });
    }
    expect(done.body).toMatchObject({ type: "end", redirectUrl: expect.any(String) });
    expect((await call("POST", `/submit/${flowId}`, { session, body: {} })).body.code).toBe(4013);
    expect((await call("POST", `/back/${flowId}`, { session })).body.code).toBe(4103);

    const profile = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${session}`, { headers: auth })).json()) as { status: string; flowData: Record<string, { completed: boolean; fileData: Record<string, string>; serviceData: Array<{ nodeType: string; serviceStatus: string }> }> };
    expect(profile.status).toBe("COMPLETED");
    const flow = profile.flowData[flowId];
    expect(flow?.completed).toBe(true);
    expect(flow?.serviceData.map((s) => `${s.nodeType}:${s.serviceStatus}`)).toEqual(["trulioo_person_match:COMPLETED", "trulioo_doc_v:COMPLETED", "trulioo_watchlist:COMPLETED"]);
    const file = await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/file?key=${encodeURIComponent(Object.values(flow?.fileData ?? {})[0] ?? "")}`, { headers: auth });
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);

    const types = await waitFor(() => {
      const t = hook.events().filter((e) => e.json.userId === session).map((e) => (e.json.event as { type: string }).type);
      return t.includes("FLOW_END") && t;
    });
    for (const t of ["FLOW_START", "STEP_INIT", "STEP_SUBMIT", "SERVICE_INIT", "INSTANT_SERVICE_SUBMIT", "INTERMEDIATE_EVENT_RECEIVED", "SERVICE_SUBMIT", "FLOW_END"]) expect(types).toContain(t);
    const submit = hook.events().find((e) => (e.json.event as { type: string }).type === "STEP_SUBMIT");
    expect(submit?.json).toMatchObject({ test: false, flowId, nodeId: expect.any(String), stepData: expect.any(Object) });
  });

  it("waits for the pending service with x-hf-retry-on-pending: true", async () => {
    const flowId = wf[2]?.id ?? "";
    const first = await call("GET", `/flow/${flowId}`);
    expect(first.body.type).toBe("trulioo_doc_v");
    const key = (await upload(flowId, first.session, idCardPng(9, "front"))).body.key;
    const res = await call("POST", `/submit/${flowId}`, { session: first.session, body: { [byRole(first.body, "DocumentType")]: "ID_CARD", [byRole(first.body, "DocumentFront")]: key }, headers: { "x-hf-retry-on-pending": "true" } });
    expect(res.body.type).toBe("end");
  });

  it("allows direct submission only for a first form node (4015)", async () => {
    expect((await call("POST", `/submit/${wf[2]?.id}`, { body: {} })).body.code).toBe(4015);
    const step = (await call("GET", `/flow/${wf[0]?.id}`)).body;
    const direct = await call("POST", `/submit/${wf[0]?.id}`, { body: details(step, "FR") });
    expect(direct.status).toBe(200);
    expect(direct.session).toMatch(/^[0-9a-f-]{36}$/);
    expect(direct.body.title).toBe("Home address");
  });

  it("requires Bearer for the authenticated workflow and branches on conditions", async () => {
    const kyb = wf.find((w) => w.corporate)?.id ?? "";
    expect((await call("GET", `/flow/${kyb}`)).body.code).toBe(4011);
    const first = await call("GET", `/flow/${kyb}`, { headers: auth });
    const s = first.session;
    const company = {
      [byRole(first.body, "company_name")]: "Søren Shipping ApS", [byRole(first.body, "company_registration_number")]: "DK-12345678",
      [byRole(first.body, "address_country")]: "dk", [byRole(first.body, "Activities")]: ["shipping", "crypto"],
    };
    const edd = await call("POST", `/submit/${kyb}`, { session: s, body: company, headers: auth });
    expect(edd.body.title).toBe("Enhanced due diligence");
    expect((await call("POST", `/submit/${kyb}`, { session: s, body: { [byRole(edd.body, "SourceOfFunds")]: "lottery", [byRole(edd.body, "AnnualTurnover")]: 5 }, headers: auth })).body.code).toBe(4008);
  });

  it("maps unknown flows, sessions and clients to 4000, 4100 and 4101", async () => {
    expect(await call("GET", "/flow/ffffffffffffffffffffffff")).toMatchObject({ status: 404, body: { code: 4000 } });
    const unpublished = wf.find((w) => !w.published)?.id;
    expect((await call("GET", `/flow/${unpublished}`)).body.code).toBe(4000);
    expect((await call("GET", `/flow/${wf[0]?.id}`, { session: "00000000-0000-4000-8000-000000000009" })).body.code).toBe(4100);
    const list = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients?limit=50&statuses=ACCEPTED`, { headers: auth })).json()) as { data: Array<{ id: string }> };
    const generated = list.data[0]?.id ?? "";
    const detail = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${generated}`, { headers: auth })).json()) as { flowData: Record<string, unknown> };
    const other = wf.find((w) => w.published && !(w.id in detail.flowData) && !w.corporate)?.id ?? "";
    expect((await call("GET", `/flow/${other}`, { session: generated })).body.code).toBe(4101);
  });

  it("fails services on the magic words, records timeouts, and refuses abandoned clients", async () => {
    const flowId = wf[0]?.id ?? "";
    const first = await call("GET", `/flow/${flowId}`);
    const addr = await call("POST", `/submit/${flowId}`, { session: first.session, body: details(first.body, "DE", "Timeout") });
    const fail = await call("POST", `/submit/${flowId}`, { session: first.session, body: { [byRole(addr.body, "address_1")]: "fail502 street", [byRole(addr.body, "address_city")]: "Berlin", [byRole(addr.body, "address_zip")]: "10115" } });
    expect(fail).toMatchObject({ status: 502, body: { code: 4009 } });
    const slow = await call("POST", `/submit/${flowId}`, { session: first.session, body: { [byRole(addr.body, "address_1")]: "fail504 street", [byRole(addr.body, "address_city")]: "Berlin" } });
    expect(slow).toMatchObject({ status: 504, body: { code: 6504 } });
    const ok = await call("POST", `/submit/${flowId}`, { session: first.session, body: { [byRole(addr.body, "address_1")]: "Hauptstraße 1", [byRole(addr.body, "address_city")]: "Berlin" } });
    expect(ok.body.type).toBe("trulioo_doc_v");
    await waitFor(() => hook.events().some((e) => e.json.userId === first.session && (e.json.event as { type: string }).type === "SERVICE_TIMEOUT"));
    await h.control(`/trulioo/clients/${first.session}/abandon`, {});
    expect((await call("POST", `/submit/${flowId}`, { session: first.session, body: {} })).body.code).toBe(4109);
    await waitFor(() => hook.events().some((e) => e.json.userId === first.session && (e.json.event as { type: string }).type === "ABANDONED"));
  });

  it("keeps /test runs apart: test profiles only under /test, events flagged test", async () => {
    const flowId = wf[0]?.id ?? "";
    const first = await call("GET", `/flow/${flowId}`, { test: true });
    await call("POST", `/submit/${flowId}`, { session: first.session, body: details(first.body, "SE"), test: true });
    const testList = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/test/v2/query/clients`, { headers: auth })).json()) as { data: Array<{ id: string; status: string }> };
    expect(testList.data.map((d) => d.id)).toContain(first.session);
    expect((await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/client/${first.session}`, { headers: auth })).status).toBe(404);
    expect((await call("GET", `/flow/${flowId}`, { session: first.session })).body.code).toBe(4100);
    const ev = await waitFor(() => hook.events().find((e) => e.json.userId === first.session));
    expect(ev.json.test).toBe(true);
  });

  it("connects an existing client to a flow with the connector token (F5)", async () => {
    const list = (await (await fetch(`${h.env.TRULIOO_EXPORT_URL}/v2/query/clients?statuses=ACCEPTED`, { headers: auth })).json()) as { data: Array<{ id: string }> };
    const id = list.data[0]?.id ?? "";
    const flowId = wf[3]?.id ?? "";
    const tok = await call("POST", `/connector/${id}/${flowId}`, { headers: auth });
    const conn = await call("GET", `/connect/${(tok.body as { token?: string }).token}`);
    expect(conn.body).toEqual({ flowId });
    expect(conn.session).toBe(id);
    expect((await call("GET", `/flow/${flowId}`, { session: id })).body.title).toBe("Proof of address");
    expect((await call("GET", "/connect/nope")).body.code).toBe(4102);
  });
});
