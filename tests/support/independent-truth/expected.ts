/**
 * The database content a correct sync must produce from what upstream holds, written from
 * docs/provider-contract.md in small plain code (not lib/sync/map-*). Which columns exist is the app's
 * choice (prisma/schema.prisma); the values are derived here, independently.
 */
import type { TUpstream } from "./upstream";
import { arr, canonical, instant, isJson, obj, orNull, pick, str, valueText, type Json } from "./normalise";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** §3.4: statusMapped is the UI label; clients fall back to the documented table. */
const TRUSTX_LABELS: Record<string, string> = {
  ACTIVE: "In Progress",
  PENDING: "Pending",
  REVIEW: "Review",
  COMPLETED_ENDED_SUCCESS: "Accepted",
  COMPLETED_TERMINATED: "Abandoned",
  COMPLETED_ENDED_ERROR: "Declined",
  COMPLETED_PROCESS_ERROR: "Error",
};

export type TRow = Record<string, unknown>;
export type TExpected = {
  workflows: Map<string, TRow>;
  profiles: Map<string, TRow>;
  /** Child rows keyed by table, then by the row's natural key. */
  children: Record<"flows" | "fields" | "files" | "services" | "notes" | "tasks" | "links", Map<string, TRow>>;
  executions: Map<string, TRow>;
};

/** §1.2 status rule: DECLINED is REJECTED; anything else verbatim. */
const truliooStatus = (v: unknown) => (String(v).toUpperCase() === "DECLINED" ? "REJECTED" : String(v));

function profileRows(c: Json, out: TExpected) {
  const id = String(c.id);
  const flows = Object.entries(obj(c.flowData));
  const fields: { role: string | null; values: string[] }[] = [];
  const countries: unknown[] = [];
  for (const [flowId, flowValue] of flows) {
    const flow = obj(flowValue);
    out.children.flows.set(`${id}|${flowId}`, { completed: flow.completed === true });
    for (const [elementId, fieldValue] of Object.entries(obj(flow.fieldData))) {
      const f = obj(fieldValue);
      const values = arr(f.value).map(valueText);
      fields.push({ role: str(f.role), values });
      out.children.fields.set(`${id}|${flowId}|${elementId}`, { name: f.name, role: orNull(str(f.role)), normalizedName: orNull(str(f.normalizedName)), values });
    }
    for (const [elementId, key] of Object.entries(obj(flow.fileData))) {
      out.children.files.set(`${id}|${flowId}|${elementId}|0|false`, { fileKey: key });
    }
    for (const [elementId, keys] of Object.entries(obj(flow.enhancedFileData))) {
      arr(keys).forEach((key, position) => out.children.files.set(`${id}|${flowId}|${elementId}|${position}|true`, { fileKey: key }));
    }
    arr(flow.serviceData).forEach((sv, position) => {
      const s = obj(sv);
      const info = isJson(s.transactionInfo) ? s.transactionInfo : null;
      countries.push(info?.countryCode);
      const ts = instant(s.timestamp);
      out.children.services.set(`${id}|${flowId}|${position}`, {
        nodeId: s.nodeId,
        nodeTitle: orNull(s.nodeTitle),
        nodeType: orNull(s.nodeType),
        serviceStatus: s.serviceStatus,
        match: orNull(s.match),
        secondaryMatch: orNull(s.secondaryMatch),
        timestamp: ts === null ? null : new Date(ts),
        transactionRecordId: orNull(str(info?.transactionRecordId)),
        transactionInfo: info ? canonical(info) : null,
      });
    });
  }
  for (const n of arr(c.notes).map(obj)) {
    const at = instant(n.created);
    out.children.notes.set(`${id}|${n.id}`, { text: n.text, createdBy: orNull(n.createdBy), createdAt: at === null ? null : new Date(at) });
  }
  for (const t of arr(c.tasks).map(obj)) {
    const created = instant(t.created);
    const updated = instant(t.updated);
    out.children.tasks.set(`${id}|${t.id}`, {
      text: t.text,
      resolved: t.resolved === true,
      createdBy: orNull(t.createdBy),
      updatedBy: orNull(t.updatedBy),
      createdAt: created === null ? null : new Date(created),
      updatedAt: updated === null ? null : new Date(updated),
    });
  }

  // Search columns: the first non-blank value of the first field with the role, in record order.
  const byRole = (role: string) => {
    for (const f of fields) if (f.role === role) {
      const v = blankToNull(f.values[0]);
      if (v) return v;
    }
    return null;
  };
  const person = [byRole("first_name"), byRole("last_name")].filter(Boolean).join(" ") || null;
  const company = byRole("company_name");
  const country = byRole("address_country") ?? countries.map(blankToNull).find((v) => v !== null) ?? null;
  const type = str(c.profileType) ?? "NORMAL";
  out.profiles.set(id, {
    status: truliooStatus(c.status),
    profileType: type,
    statusManuallyChanged: c.statusManuallyChanged === true,
    ownerIds: arr(c.ownerIds).map(String),
    upstreamUser: orNull(str(c.user)),
    createdAt: new Date(instant(c.created)!),
    lastModified: new Date(instant(c.lastModified)!),
    fullName: type === "BUSINESS" ? (company ?? person) : (person ?? company),
    email: byRole("email")?.toLowerCase() ?? null,
    country: country?.toUpperCase() ?? null,
    dateOfBirth: byRole("dob"),
    workflowIds: flows.map(([flowId]) => flowId).sort(),
    raw: c,
  });
}

const decision = (d: unknown) => pick(d, ["type", "details", "risk"], { details: (x) => pick(x, ["label"]), risk: (x) => pick(x, ["score"]) });
const credRefs = (v: unknown) => arr(v).map((c) => pick(c, ["id", "category"]));

/** §2.3 TransactionRecord parts the app keeps for its detail page, in the members the contract names. */
export function jumioStoredParts(record: Json, steps: unknown[] | null, rules: unknown[] | null) {
  const caps: Json = {};
  for (const [name, list] of Object.entries(obj(record.capabilities))) {
    caps[name] = arr(list).map((cap) => pick(cap, ["id", "credentials", "decision", "data"], { credentials: credRefs, decision }));
  }
  return canonical({
    credentials: arr(record.credentials).map((c) =>
      pick(c, ["id", "category", "clientIp", "parts", "consent"], { parts: (p) => arr(p).map((x) => pick(x, ["classifier", "href", "captureType"])) }),
    ),
    capabilities: caps,
    steps: steps?.map((s) => pick(s, ["id", "name", "decision", "capabilities", "credentials", "startedAt", "completedAt"], { decision, credentials: credRefs })),
    rules: rules?.map((r) => pick(r, ["id", "name", "result", "score", "decision"], { decision })),
  });
}

export const trustxUserData = (u: unknown) => canonical(pick(u, ["documents", "customData"]));

function jumioRow(record: Json, steps: unknown[] | null, rules: unknown[] | null, profileOf: (ref: string | null, id: string) => string | null): TRow {
  const wf = obj(record.workflow);
  const d = obj(record.decision);
  const extracted = obj(arr(obj(record.capabilities).extraction).map(obj)[0]?.data);
  const at = (v: unknown) => (instant(v) === null ? null : new Date(instant(v)!));
  const ref = orNull(str(wf.customerInternalReference));
  return {
    accountId: orNull(str(obj(record.account).id)),
    definition: orNull(str(wf.definitionKey)),
    status: wf.status,
    decisionType: orNull(str(d.type)),
    // §2.4: the transaction label equals the type; §2.3: a record that did not run is labelled with its
    // workflow status. A record without `details` means that label.
    decisionLabel: str(obj(d.details).label) ?? (str(d.type) === null ? null : d.type === "NOT_EXECUTED" && wf.status !== "PROCESSED" ? String(wf.status) : String(d.type)),
    riskScore: orNull(obj(d.risk).score as number | undefined),
    customerReference: ref,
    firstName: name(extracted.firstName),
    lastName: name(extracted.lastName),
    createdAt: at(record.createdAt),
    completedAt: at(record.completedAt),
    wipedOutAt: at(record.wipedOutAt),
    feedbackStatus: orNull(str(obj(record.feedback).status)),
    feedbackReason: orNull(str(obj(record.feedback).reason)),
    profileId: profileOf(ref, String(wf.id)),
    stored: jumioStoredParts(record, steps, rules),
  };
}

const name = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);

function trustxRow(instance: Json, userData: Json | null, profileOf: (ref: string | null) => string | null): TRow {
  const status = String(instance.status);
  const created = instant(instance.createdAt ?? instance.createdDtm);
  const elapsed = typeof instance.elapsedMilliseconds === "number" ? instance.elapsedMilliseconds : 0;
  // §3.3: no modification time; a finished instance ended elapsedMilliseconds after it was created.
  const completed = status.startsWith("COMPLETED_") && elapsed > 0 && created !== null ? new Date(created + elapsed) : null;
  const label = str(instance.statusMapped) ?? TRUSTX_LABELS[status] ?? null;
  const ref = blankToNull(obj(instance.processTokenParameters).referenceID) === null ? null : String(obj(instance.processTokenParameters).referenceID);
  return {
    accountId: null,
    definition: orNull(str(instance.processDefnName)),
    status,
    decisionType: label,
    decisionLabel: label,
    riskScore: null,
    customerReference: ref,
    // An empty name and no name are one fact (null = absent).
    firstName: name(instance.firstName),
    lastName: name(instance.lastName),
    createdAt: created === null ? null : new Date(created),
    completedAt: completed,
    wipedOutAt: null,
    feedbackStatus: null,
    feedbackReason: null,
    profileId: profileOf(ref),
    stored: trustxUserData(userData),
  };
}

export function expectedFrom(up: TUpstream): TExpected {
  const out: TExpected = {
    workflows: new Map(),
    profiles: new Map(),
    children: { flows: new Map(), fields: new Map(), files: new Map(), services: new Map(), notes: new Map(), tasks: new Map(), links: new Map() },
    executions: new Map(),
  };
  for (const w of up.workflows) {
    out.workflows.set(String(w.id), { name: w.name, corporate: w.corporate, published: w.published, createdAt: new Date(instant(w.created)!) });
  }
  for (const c of up.profiles.values()) profileRows(c, out);
  // §1.3: a link is listed on both clients; it exists here once both ends do.
  for (const c of up.profiles.values()) {
    for (const l of arr(c.links).map(obj)) {
      if (up.profiles.has(String(l.from)) && up.profiles.has(String(l.to))) out.children.links.set(`${l.from}|${l.to}`, { type: l.type });
    }
  }
  // §4: an execution belongs to the profile its reference names, else (Jumio) to the one whose document
  // check names it as transactionRecordId.
  const byRecord = new Map<string, string>();
  for (const [key, s] of out.children.services) if (s.transactionRecordId) byRecord.set(String(s.transactionRecordId), key.split("|")[0]!);
  const known = (ref: string | null) => (ref && UUID.test(ref) && up.profiles.has(ref.toLowerCase()) ? ref.toLowerCase() : null);
  for (const [id, e] of up.jumio) out.executions.set(`JUMIO|${id}`, jumioRow(e.record, e.steps, e.rules, (ref, execId) => known(ref) ?? byRecord.get(execId) ?? null));
  for (const [id, t] of up.trustx) out.executions.set(`TRUSTX|${id}`, trustxRow(t.instance, t.userData, known));
  return out;
}
