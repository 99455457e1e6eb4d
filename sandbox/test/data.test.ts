import { describe, expect, it } from "vitest";
import { accountExecutions, accountProfile, clientId, clientIndex, instanceProfile, makeDataContext } from "../data/context";
import { decodeBaseFileKey } from "../data/fileKeys";
import { idCardPng, jpegWithComment, pdfDocument, sniffMime } from "../data/files";
import { buildExecution, executionId } from "../data/jumio";
import { LABELS } from "../data/jumioCaps";
import { generateProfile, skeleton } from "../data/profiles";
import { person } from "../data/person";
import { buildInstance, buildToken, INSTANCE_STATUSES } from "../data/trustx";
import { SERVICE_STATUSES, STATUSES } from "../data/truliooTypes";
import { DEFAULT_DATA_END } from "../config";

const ctxFor = (seed: number, profiles: number) =>
  makeDataContext({ seed, profiles, jumioAccounts: profiles, trustxInstances: profiles, dataEnd: DEFAULT_DATA_END, spanDays: 730 });

function profileLastName(ctx: ReturnType<typeof ctxFor>, i: number): string | undefined {
  const fields = Object.values(generateProfile(ctx, i).flowData).flatMap((f) => Object.values(f.fieldData));
  return fields.find((f) => f.role === "last_name")?.value[0];
}

describe("data generator", () => {
  it("asks the document step for the document number and nationality, with a share of typed-in mistakes", () => {
    const ctx = ctxFor(42, 2000);
    let steps = 0;
    let typos = 0;
    for (let i = 0; i < 2000; i++) {
      const fields = Object.values(generateProfile(ctx, i).flowData).flatMap((f) => Object.values(f.fieldData));
      const number = fields.find((f) => f.role === "document_number")?.value[0];
      if (number === undefined) continue;
      const p = person(ctx.seed, i);
      steps++;
      expect(fields.find((f) => f.role === "nationality")?.value).toEqual([p.nationality]);
      expect(number).toHaveLength(p.documentNumber.length);
      if (number !== p.documentNumber) typos++;
    }
    expect(steps).toBeGreaterThan(500);
    expect(typos / steps).toBeGreaterThan(0.08);
    expect(typos / steps).toBeLessThan(0.22);
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const a = ctxFor(42, 500);
    const b = ctxFor(42, 500);
    const c = ctxFor(43, 500);
    for (const i of [0, 7, 123, 499]) {
      expect(generateProfile(a, i)).toEqual(generateProfile(b, i));
      expect(buildExecution(a, i)).toEqual(buildExecution(b, i));
      expect(buildInstance(a, i)).toEqual(buildInstance(b, i));
    }
    expect(clientId(a, 5)).not.toEqual(clientId(c, 5));
  });

  it("generates profile #999,999 of a 1,000,000 dataset instantly, by index", () => {
    const started = performance.now();
    const ctx = ctxFor(42, 1_000_000);
    const rec = generateProfile(ctx, 999_999);
    const exec = buildExecution(ctx, ctx.jumioExecutions - 1);
    const inst = buildInstance(ctx, 999_999);
    const elapsed = performance.now() - started;
    expect(rec.index).toBe(999_999);
    expect(clientIndex(ctx, rec.id)).toBe(999_999);
    expect(exec.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(inst.id).toMatch(/^[A-Z2-7]{26}$/);
    expect(elapsed).toBeLessThan(250);
  });

  it("keeps lastModified strictly increasing with the index and in epoch ms", () => {
    const ctx = ctxFor(42, 1_000_000);
    let prev = 0;
    for (let i = 0; i < 1_000_000; i += 9973) {
      const t = ctx.profileTimeline.at(i);
      expect(t).toBeGreaterThan(prev);
      expect(t).toBeGreaterThan(1e12);
      prev = t;
    }
    const t = ctx.profileTimeline.at(500_000);
    expect(ctx.profileTimeline.firstAfter(t)).toBe(500_001);
    expect(ctx.profileTimeline.firstAtOrAfter(t)).toBe(500_000);
  });

  it("covers every status, type, service status, decision, label and TrustX status", () => {
    const ctx = ctxFor(42, 3000);
    const statuses = new Set<string>();
    const types = new Set<string>();
    const services = new Set<string>();
    const names: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const p = generateProfile(ctx, i);
      statuses.add(p.status);
      types.add(p.profileType);
      names.push(p.displayName);
      for (const f of Object.values(p.flowData)) for (const s of f.serviceData) services.add(s.serviceStatus);
    }
    expect([...statuses].sort()).toEqual([...STATUSES].sort());
    expect([...types].sort()).toEqual(["BUSINESS", "NORMAL"]);
    expect([...services].sort()).toEqual([...SERVICE_STATUSES].sort());
    for (const n of ["ü", "ø", "Ł", "é", "ễ", "山田", "ß"]) expect(names.some((x) => x.includes(n))).toBe(true);

    const decisions = new Set<string>();
    const wfStatuses = new Set<string>();
    const labels = new Set<string>();
    for (let e = 0; e < ctx.jumioExecutions; e++) {
      const x = buildExecution(ctx, e);
      decisions.add(x.decision.type);
      wfStatuses.add(x.status);
      const score = x.decision.risk?.score ?? -2;
      if (x.decision.type === "PASSED") expect(score).toBeLessThanOrEqual(30);
      if (x.decision.type === "REJECTED") expect(score).toBeGreaterThanOrEqual(71);
      if (x.decision.type === "NOT_EXECUTED") expect(score).toBe(-1);
      for (const caps of Object.values(x.capabilities)) for (const c of caps) labels.add(c.decision.details.label);
    }
    expect([...decisions].sort()).toEqual(["NOT_EXECUTED", "PASSED", "REJECTED", "WARNING"]);
    expect(wfStatuses.size).toBe(5);
    const expected = [...LABELS.usability.REJECTED, ...LABELS.usability.NOT_EXECUTED, ...LABELS.liveness.REJECTED, ...LABELS.liveness.WARNING, "NO_MATCH", "NOT_POSSIBLE", "REPEATED_FACE", "CUSTOMER_FEEDBACK", "PRECONDITION_NOT_FULFILLED", "OK", "MATCH"];
    for (const l of expected) expect(labels.has(l)).toBe(true);

    const tx = new Set<string>();
    for (let i = 0; i < 3000; i++) tx.add(buildInstance(ctx, i).status);
    expect([...tx].sort()).toEqual([...INSTANCE_STATUSES].sort());
  });

  it("links providers consistently from both sides (contract §4)", () => {
    const ctx = ctxFor(42, 2000);
    let known = 0;
    for (let e = 0; e < ctx.jumioExecutions; e++) {
      const x = buildExecution(ctx, e);
      if (/^[0-9a-f]{8}-/.test(x.customerInternalReference)) {
        known++;
        expect(clientIndex(ctx, x.customerInternalReference)).toBeDefined();
      } else {
        expect(x.customerInternalReference).toMatch(/^ext-/);
      }
    }
    const share = known / ctx.jumioExecutions;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
    // Profile side: the doc check points at the account's last execution, which names the profile.
    let checked = 0;
    for (let a = 0; a < 300; a++) {
      const p = accountProfile(ctx, a);
      if (p === undefined) continue;
      const profile = generateProfile(ctx, p);
      const { start, count } = accountExecutions(a);
      const last = executionId(ctx, start + count - 1);
      const docv = Object.values(profile.flowData).flatMap((f) => f.serviceData).filter((s) => s.nodeType === "trulioo_doc_v");
      expect(docv.map((s) => s.transactionInfo.transactionRecordId)).toContain(last);
      expect(buildExecution(ctx, start + count - 1).customerInternalReference).toBe(profile.id);
      const lastName = Object.values(profile.flowData).flatMap((f) => Object.values(f.fieldData)).find((f) => f.role === "last_name")?.value[0];
      expect(buildExecution(ctx, start + count - 1).person.lastName).toBe(lastName);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    let tx = 0;
    for (let i = 0; i < 2000; i++) {
      const q = instanceProfile(ctx, i);
      const ref = buildToken(ctx, i).parameters.referenceID;
      if (q !== undefined) {
        tx++;
        expect(ref).toBe(clientId(ctx, q));
        const onProfile = profileLastName(ctx, q);
        expect(buildInstance(ctx, i).lastName).toBe(person(ctx.seed, q).lastName);
        if (onProfile !== undefined) expect(onProfile).toBe(buildInstance(ctx, i).lastName);
      }
    }
    expect(tx / 2000).toBeGreaterThan(0.33);
    expect(tx / 2000).toBeLessThan(0.47);
    expect(skeleton(ctx, 0).status).toBe(generateProfile(ctx, 0).status);
  });

  it("writes real PNG, JPEG and PDF bytes and self-checking file keys", () => {
    const png = idCardPng(1, "front");
    expect(sniffMime(png)).toBe("image/png");
    expect(png.readUInt32BE(16)).toBe(240);
    const jpg = jpegWithComment("Zoë Müller");
    expect(sniffMime(jpg)).toBe("image/jpeg");
    expect(jpg.subarray(-2).toString("hex")).toBe("ffd9");
    const pdf = pdfDocument("Zoë Müller", ["line"], Date.now());
    expect(sniffMime(pdf)).toBe("application/pdf");
    const text = pdf.toString("latin1");
    expect(text).toContain("Zoe Muller");
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe("xref");
    const ctx = ctxFor(42, 200);
    const p = generateProfile(ctx, 3);
    for (const key of Object.keys(p.files)) {
      expect(decodeBaseFileKey(42, key)?.clientIndex).toBe(3);
      expect(decodeBaseFileKey(43, key)).toBeUndefined();
    }
  });
});
