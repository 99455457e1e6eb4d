import { describe, expect, it } from "vitest";
import { makeDataContext } from "@/sandbox/data/context";
import { buildExecution, type ExecutionRecord } from "@/sandbox/data/jumio";
import { rulesBody, stepsBody, transactionRecord } from "@/sandbox/jumio/render";
import { DEFAULT_DATA_END } from "@/sandbox/config";
import { readJumio } from "./jumio-detail";

// Records as the sandbox serves them (the contract's shapes), stored as JSON the way the sync keeps them.
const ctx = makeDataContext({ seed: 42, profiles: 50, jumioAccounts: 50, trustxInstances: 50, dataEnd: DEFAULT_DATA_END, spanDays: 730 });
const stored = (rec: ExecutionRecord, steps = true) =>
  JSON.parse(JSON.stringify({ record: transactionRecord("http://sandbox", rec, false), steps: steps ? stepsBody(rec) : null, rules: steps ? rulesBody(rec) : null }));

function processed(): ExecutionRecord {
  for (let e = 0; e < 200; e++) {
    const rec = buildExecution(ctx, e);
    if (rec.status === "PROCESSED" && rec.decision.type === "PASSED") return rec;
  }
  throw new Error("no processed execution in the first 200");
}

describe("readJumio", () => {
  const rec = processed();

  it("reads decision, capabilities in dependency order, steps, rules and the extracted document data", () => {
    const view = readJumio(stored(rec), rec.id);
    expect(view.problems).toEqual([]);
    expect(view.record?.decision).toEqual({ type: "PASSED", label: "PASSED", riskScore: rec.decision.risk?.score });
    const names = view.record!.capabilities.map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(["usability", "imageChecks", "extraction"]);
    expect(view.steps?.map((s) => s.name)).toContain("ID verification");
    expect(view.rules?.length).toBeGreaterThan(0);
    expect(view.document).toMatchObject({ firstName: rec.person.firstName, lastName: rec.person.lastName, dateOfBirth: rec.person.dob, documentNumber: rec.person.documentNumber });
    expect(view.document.nationality).toMatch(/^[A-Z]{3}$/);
  });

  it("offers the FRONT, BACK and FACE parts as images through our route, never the FACEMAP", () => {
    const view = readJumio(stored(rec), rec.id);
    const classifiers = view.images.map((i) => i.classifier);
    expect(classifiers).toContain("FRONT");
    expect(classifiers).toContain("FACE");
    expect(classifiers).not.toContain("FACEMAP");
    const face = view.images.find((i) => i.classifier === "FACE")!;
    expect(face.href).toBe(`/api/files/jumio/${rec.id}/${face.credentialId}/FACE?inline=1`);
    expect(face.downloadHref).toBe(`/api/files/jumio/${rec.id}/${face.credentialId}/FACE`);
    const facemap = view.record!.credentials.find((c) => c.category === "FACEMAP");
    expect(facemap?.parts).toEqual([{ classifier: "FACEMAP", captureType: null, image: null }]);
  });

  it("keeps what it can read when one part drifted, and names the part that did not parse", () => {
    const raw = stored(rec);
    raw.rules = { executions: "not a list" };
    const view = readJumio(raw, rec.id);
    expect(view.record).not.toBeNull();
    expect(view.steps).not.toBeNull();
    expect(view.rules).toBeNull();
    expect(view.problems).toEqual([{ part: "the rules", issues: expect.arrayContaining([expect.stringMatching(/^executions: /)]) }]);
  });

  it("leaves out one unreadable rule or step, keeps the others, and names what was left out", () => {
    const raw = stored(rec);
    const good = raw.rules.executions[0];
    raw.rules = { executions: [{ id: 1 }, { ...good, name: null }] };
    raw.steps.steps.push({ id: "s-broken", decision: "not an object" });
    const view = readJumio(raw, rec.id);
    expect(view.rules).toEqual([expect.objectContaining({ id: good.id, name: good.id })]);
    expect(view.steps?.map((s) => s.id)).not.toContain("s-broken");
    expect(view.problems.map((p) => p.part)).toEqual(["one of the steps (s-broken), left out", "one of the rules, left out"]);
    expect(view.problems[1]?.issues).toEqual([expect.stringMatching(/^id: /)]);
  });

  it("never throws on garbage: a broken record, a missing envelope, a wrong type", () => {
    const raw = stored(rec);
    raw.record.createdAt = false;
    const broken = readJumio(raw, rec.id);
    expect(broken.record).toBeNull();
    expect(broken.steps).not.toBeNull();
    expect(broken.problems.map((p) => p.part)).toEqual(["the transaction record (decision, capabilities, credentials)"]);
    for (const garbage of [null, "x", 42, [], {}]) {
      const view = readJumio(garbage, rec.id);
      expect(view.record).toBeNull();
      expect(view.problems.length).toBe(1);
    }
  });

  it("reads steps and rules as absent when Jumio had none", () => {
    const view = readJumio(stored(rec, false), rec.id);
    expect(view.steps).toBeNull();
    expect(view.rules).toBeNull();
    expect(view.problems).toEqual([]);
  });

  it("reads a wiped record as a tombstone: no images, no extracted data", () => {
    const wiped = { ...rec, wipedOutAt: rec.createdAt + 1, credentials: rec.credentials.map((c) => ({ ...c, parts: [] })),
      capabilities: Object.fromEntries(Object.entries(rec.capabilities).map(([k, v]) => [k, v.map((x) => ({ ...x, data: {} }))])) };
    const view = readJumio(stored(wiped), rec.id);
    expect(view.images).toEqual([]);
    expect(view.document).toEqual({});
    expect(view.record?.decision?.type).toBe("PASSED");
  });
});
