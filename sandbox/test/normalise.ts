// What a tolerant client does with the quirks-mode variants, written apart from the sandbox's
// own quirk code so the comparison in quirks.test.ts can fail: each function maps a quirky
// body back to the normal form, and `seen` records which variant it had to undo.
type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => typeof v === "object" && v !== null && !Array.isArray(v);
const objs = (v: unknown): J[] => (Array.isArray(v) ? v.filter(isObj) : []);

export class Normaliser {
  readonly seen = new Set<string>();

  private mark(variant: string): void {
    this.seen.add(variant);
  }

  /** null → `empty` for each key, noting the variant. */
  private unNull(o: J, keys: Record<string, () => unknown>, prefix: string): void {
    for (const [k, empty] of Object.entries(keys)) {
      if (o[k] !== null) continue;
      this.mark(`${prefix}.null.${k}`);
      const v = empty();
      if (v === undefined) delete o[k];
      else o[k] = v;
    }
  }

  page(p: J, provider: string): J {
    if ("last" in p) return p;
    this.mark(`${provider}.page.noLast`);
    const n = Number(p.number);
    return { ...p, first: n === 0, last: n >= Number(p.totalPages) - 1 };
  }

  truliooWorkflow(w: J): J {
    if (typeof w.created === "number" && w.created < 1e12) {
      this.mark("trulioo.workflow.createdSeconds");
      return { ...w, created: w.created * 1000 };
    }
    return w;
  }

  truliooClient(c: J): J {
    const o = structuredClone(c);
    this.unNull(o, { ownerIds: () => [], statusManuallyChanged: () => false, user: () => "" }, "trulioo");
    for (const f of Object.values(isObj(o.flowData) ? o.flowData : {})) {
      if (!isObj(f)) continue;
      for (const field of Object.values(isObj(f.fieldData) ? f.fieldData : {})) {
        if (!isObj(field)) continue;
        this.unNull(field, { role: () => undefined, normalizedName: () => "" }, "trulioo");
        field.value = (Array.isArray(field.value) ? field.value : []).map((v: unknown) => {
          if (typeof v === "number") this.mark("trulioo.value.number");
          if (typeof v === "boolean") this.mark("trulioo.value.boolean");
          return typeof v === "string" ? v : String(v);
        });
      }
      this.unNull(f, { fileData: () => ({}), enhancedFileData: () => ({}), serviceData: () => [] }, "trulioo");
      for (const s of objs(f.serviceData)) {
        if (typeof s.timestamp === "number" && s.timestamp >= 1e12) {
          this.mark("trulioo.service.timestampMs");
          s.timestamp = s.timestamp / 1000;
        }
        this.unNull(s, { nodeTitle: () => "", fullServiceDetails: () => ({}) }, "trulioo");
        if (isObj(s.transactionInfo)) this.unNull(s.transactionInfo, Object.fromEntries(Object.keys(s.transactionInfo).map((k) => [k, () => ""])), "trulioo.transactionInfo");
      }
    }
    this.unNull(o, { notes: () => [], tasks: () => [], links: () => [] }, "trulioo");
    const iso = (v: unknown, what: string): unknown => {
      if (typeof v !== "number") return v;
      this.mark(`trulioo.${what}.createdMs`);
      return new Date(v).toISOString();
    };
    for (const n of objs(o.notes)) n.created = iso(n.created, "note");
    for (const t of objs(o.tasks)) {
      t.created = iso(t.created, "task");
      t.updated = iso(t.updated, "task");
    }
    return o;
  }

  /** Any ISO form or epoch ms → `toISOString()`, optionally to the second. */
  private jumioTime(v: unknown, toSecond = false): unknown {
    if (typeof v !== "string") return v;
    if (v.endsWith("+00:00")) this.mark("jumio.time.offset");
    if (!/\.\d+(Z|[+-]\d\d:\d\d)$/.test(v)) this.mark("jumio.time.noFraction");
    const t = Date.parse(v);
    return Number.isFinite(t) ? new Date(toSecond ? Math.floor(t / 1000) * 1000 : t).toISOString() : v;
  }

  private times(o: J, keys: string[], toSecond = false): void {
    for (const k of keys) if (k in o) o[k] = this.jumioTime(o[k], toSecond);
  }

  jumioListItem(x: J): J {
    const o = { ...x };
    this.times(o, ["createdAt", "completedAt"]);
    return o;
  }

  jumioRecord(r: J): J {
    const o = structuredClone(r);
    const gone = (): undefined => undefined;
    this.unNull(o, { startedAt: gone, completedAt: gone, wipedOutAt: gone, feedback: gone, consent: gone, captureClient: gone }, "jumio");
    this.times(o, ["createdAt", "startedAt", "completedAt", "wipedOutAt"]);
    if (isObj(o.consent)) this.times(o.consent, ["obtainedAt"]);
    for (const c of objs(o.credentials)) {
      this.unNull(c, { clientIp: gone, consent: gone }, "jumio.credential");
      for (const p of objs(c.parts)) this.unNull(p, { href: gone, captureType: gone }, "jumio.part");
    }
    const workflow = isObj(o.workflow) ? o.workflow : {};
    if (isObj(o.decision)) {
      // §2.3/§2.4: the transaction label is the type, or the workflow status when nothing ran.
      const label = workflow.status === "PROCESSED" ? o.decision.type : workflow.status;
      this.unNull(o.decision, { details: () => ({ label }), risk: gone }, "jumio.decision");
    }
    return o;
  }

  /** Steps and rules may lack `name` and have step times to the second: compare without both. */
  jumioSteps(body: J, quirky: boolean): J {
    const steps = objs(body.steps).map((s) => {
      const o = structuredClone(s);
      if (quirky && !("name" in o)) this.mark("jumio.step.noName");
      if (quirky && typeof o.startedAt === "string" && !o.startedAt.includes(".")) this.mark("jumio.step.seconds");
      delete o.name;
      this.times(o, ["startedAt", "completedAt"], true);
      if (isObj(o.decision)) this.unNull(o.decision, { risk: () => undefined }, "jumio.step.decision");
      return o;
    });
    return { ...body, steps };
  }

  jumioRules(body: J, quirky: boolean): J {
    return {
      ...body,
      executions: objs(body.executions).map(({ name, ...rest }) => {
        if (quirky && name === undefined) this.mark("jumio.rule.noName");
        return rest;
      }),
    };
  }

  trustxInstance(i: J, versions: Map<unknown, unknown>, labels: Record<string, string>): J {
    const o: J = {};
    for (const [k, v] of Object.entries(i)) {
      if (k !== "createdDtm") {
        o[k] = v;
        continue;
      }
      this.mark("trustx.createdDtm");
      if (typeof v === "number") this.mark("trustx.time.epochMs");
      else if (typeof v === "string" && !/(Z|[+-]\d\d:\d\d)$/.test(v)) this.mark("trustx.time.noOffset");
      const t = typeof v === "number" ? v : typeof v === "string" ? Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(v) ? v : `${v}Z`) : Number.NaN;
      o.createdAt = Number.isFinite(t) ? new Date(t).toISOString() : v;
    }
    this.unNull(o, {
      firstName: () => "", lastName: () => "", elapsedMilliseconds: () => 0, tenantId: () => "sandbox-tenant",
      statusMapped: () => labels[String(o.status)], processDefnVersion: () => versions.get(o.processDefnId),
    }, "trustx");
    return o;
  }
}

/** §3.4's table, as a client keeps it. */
export const TRUSTX_LABELS: Record<string, string> = {
  ACTIVE: "In Progress", PENDING: "Pending", REVIEW: "Review", COMPLETED_ENDED_SUCCESS: "Accepted",
  COMPLETED_TERMINATED: "Abandoned", COMPLETED_ENDED_ERROR: "Declined", COMPLETED_PROCESS_ERROR: "Error",
};
