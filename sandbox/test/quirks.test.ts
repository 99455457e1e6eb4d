import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, UA, type Harness } from "./helpers";
import { Normaliser, TRUSTX_LABELS } from "./normalise";

type J = Record<string, unknown>;

/** Every variant a 50-profile quirks dataset must show (README "Quirks mode"). */
const VARIANTS = [
  "trulioo.null.statusManuallyChanged", "trulioo.null.role", "trulioo.null.fileData", "trulioo.null.enhancedFileData",
  "trulioo.null.serviceData", "trulioo.null.fullServiceDetails", "trulioo.null.notes", "trulioo.null.tasks", "trulioo.null.links",
  "trulioo.value.number", "trulioo.value.boolean", "trulioo.service.timestampMs", "trulioo.workflow.createdSeconds",
  "trulioo.note.createdMs", "trulioo.task.createdMs", "trulioo.page.noLast",
  "jumio.time.offset", "jumio.null.startedAt", "jumio.null.completedAt", "jumio.null.wipedOutAt", "jumio.null.feedback",
  "jumio.null.consent", "jumio.credential.null.consent", "jumio.part.null.href", "jumio.part.null.captureType",
  "jumio.decision.null.details", "jumio.step.decision.null.risk", "jumio.step.noName", "jumio.step.seconds", "jumio.rule.noName",
  "trustx.createdDtm", "trustx.time.noOffset", "trustx.time.epochMs", "trustx.null.statusMapped",
  "trustx.null.processDefnVersion", "trustx.null.tenantId", "trustx.page.noLast",
].sort();

/** One sandbox's answers, read the way a sync reads them. */
interface Read {
  workflows: J[];
  pages: J[];
  clients: Map<string, J>;
  executions: J[];
  records: Map<string, J>;
  steps: Map<string, J>;
  rules: Map<string, J>;
  instancePages: J[];
  instances: Map<string, J>;
}

async function readAll(h: Harness): Promise<Read> {
  const tr = { authorization: `Bearer ${await h.truliooToken()}` };
  const jm = { authorization: `Bearer ${await h.jumioToken()}`, ...UA };
  const tx = { authorization: `Bearer ${await h.trustxToken()}` };
  // Both sandboxes run on their own port: compare bodies with the base URL taken out.
  const get = async (url: string, headers: Record<string, string>): Promise<J> => {
    const res = await fetch(url, { headers });
    expect(res.status, url).toBe(200);
    return JSON.parse((await res.text()).replaceAll(h.sb.url, "S")) as J;
  };
  const list = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);
  const E = h.env.TRULIOO_EXPORT_URL;
  const out: Read = { workflows: [], pages: [], clients: new Map(), executions: [], records: new Map(), steps: new Map(), rules: new Map(), instancePages: [], instances: new Map() };
  const wf = await get(`${E}/v2/query/workflows`, tr);
  out.workflows = list(wf.data);
  out.pages.push({ ...wf, data: [] });
  for (const limit of [1, 7, 20]) {
    for (let page = 0; page * limit < 50; page++) out.pages.push({ ...(await get(`${E}/v2/query/clients?limit=${limit}&page=${page}`, tr)), data: [] });
  }
  for (let page = 0; page < 3; page++) {
    for (const c of list((await get(`${E}/v2/query/clients?limit=20&page=${page}`, tr)).data)) {
      out.clients.set(String(c.id), await get(`${E}/v2/query/client/${String(c.id)}`, tr));
    }
  }
  const R = `${h.env.JUMIO_RETRIEVAL_URL}/api/v1`;
  out.executions = list((await get(`${R}/workflow-executions?size=100`, jm)).workflowExecutions);
  for (const x of out.executions) {
    const path = `${R}/accounts/${String((x.account as J).id)}/workflow-executions/${String(x.id)}`;
    out.records.set(String(x.id), await get(path, jm));
    if (x.status !== "PROCESSED") continue;
    out.steps.set(String(x.id), await get(`${path}/steps`, jm));
    out.rules.set(String(x.id), await get(`${path}/rules`, jm));
  }
  const X = `${h.env.TRUSTX_BASE_URL}/api/process-manager/processInstances`;
  for (const size of [3, 20]) {
    for (let page = 0; page * size < 50; page++) {
      const p = await get(`${X}?size=${size}&page=${page}`, tx);
      out.instancePages.push({ ...p, content: [] });
      for (const i of list(p.content)) out.instances.set(String(i.id), i);
    }
  }
  const search = await get(`${X}/search?size=20&processInstanceStatus=REVIEW`, tx);
  out.instancePages.push({ ...search, content: [] });
  for (const i of list(search.content).slice(0, 5)) out.instances.set(`X4 ${String(i.id)}`, await get(`${X}/${String(i.id)}/withParameters`, tx));
  return out;
}

describe("quirks mode", () => {
  let normal: Harness;
  let quirky: Harness;
  let n: Read;
  let q: Read;
  // Separate instances: what normalising the normal bodies notes must not count as a variant seen.
  const undo = new Normaliser();
  const plain = new Normaliser();

  beforeAll(async () => {
    [normal, quirky] = await Promise.all([boot({ profiles: 50 }), boot({ profiles: 50, quirks: true })]);
    [n, q] = await Promise.all([readAll(normal), readAll(quirky)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([normal.close(), quirky.close()]);
  });

  it("is shown in /_sandbox/config", async () => {
    expect(((await (await quirky.control("/config")).json()) as { config: J }).config.quirks).toBe(true);
    expect(((await (await normal.control("/config")).json()) as { config: J }).config.quirks).toBe(false);
  });

  it("Trulioo: every workflow, page and client reads back as in normal mode", () => {
    expect(q.workflows.map((w) => undo.truliooWorkflow(w))).toEqual(n.workflows);
    expect(q.pages.map((p) => undo.page(p, "trulioo"))).toEqual(n.pages);
    expect([...q.clients.keys()]).toEqual([...n.clients.keys()]);
    for (const [id, c] of q.clients) expect(undo.truliooClient(c), id).toEqual(n.clients.get(id));
  });

  it("Jumio: every list item, record, step and rule reads back as in normal mode", () => {
    expect(q.executions.map((x) => undo.jumioListItem(x))).toEqual(n.executions);
    for (const [id, r] of q.records) expect(undo.jumioRecord(r), id).toEqual(n.records.get(id));
    for (const [id, s] of q.steps) expect(undo.jumioSteps(s, true), id).toEqual(plain.jumioSteps(n.steps.get(id) ?? {}, false));
    for (const [id, r] of q.rules) expect(undo.jumioRules(r, true), id).toEqual(plain.jumioRules(n.rules.get(id) ?? {}, false));
  });

  it("TrustX: every instance and page reads back as in normal mode", () => {
    const versions = new Map([...n.instances.values()].map((i) => [i.processDefnId, i.processDefnVersion]));
    for (const [id, i] of q.instances) expect(undo.trustxInstance(i, versions, TRUSTX_LABELS), id).toEqual(n.instances.get(id));
    expect(q.instancePages.map((p) => undo.page(p, "trustx"))).toEqual(n.instancePages);
  });

  it("shows every variant at 50 profiles, on about half of the records, and none in normal mode", () => {
    const seen = new Normaliser();
    q.workflows.forEach((w) => seen.truliooWorkflow(w));
    q.pages.forEach((p) => seen.page(p, "trulioo"));
    q.clients.forEach((c) => seen.truliooClient(c));
    q.executions.forEach((x) => seen.jumioListItem(x));
    q.records.forEach((r) => seen.jumioRecord(r));
    q.steps.forEach((s) => seen.jumioSteps(s, true));
    q.rules.forEach((r) => seen.jumioRules(r, true));
    q.instances.forEach((i) => seen.trustxInstance(i, new Map(), TRUSTX_LABELS));
    q.instancePages.forEach((p) => seen.page(p, "trustx"));
    // Record times lose their fraction only when it is .000, which generated times rarely are.
    const found = [...seen.seen].filter((v) => v !== "jumio.time.noFraction").sort();
    expect(found).toEqual(VARIANTS);
    const changed = (a: Map<string, J>, b: Map<string, J>): number => [...a].filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(b.get(k))).length;
    for (const [name, share] of [["clients", changed(q.clients, n.clients) / n.clients.size], ["executions", changed(q.records, n.records) / n.records.size], ["instances", changed(q.instances, n.instances) / n.instances.size]] as const) {
      expect(share, name).toBeGreaterThan(0.3);
      expect(share, name).toBeLessThan(0.7);
    }
    const check = new Normaliser();
    for (const c of n.clients.values()) check.truliooClient(c);
    for (const r of n.records.values()) check.jumioRecord(r);
    for (const p of [...n.pages, ...n.instancePages]) check.page(p, "any");
    for (const i of n.instances.values()) check.trustxInstance(i, new Map(), TRUSTX_LABELS);
    expect([...check.seen]).toEqual([]);
  });
});
