// Trulioo Export API bodies (E1-E3) as a real service may also write them: explicit nulls for
// empty parts, numbers and booleans inside `value`, service timestamps in ms, workflow
// `created` in seconds, note and task times as epoch ms, pages without `first`/`last`.
// Every rewrite is reversible, so a quirky record carries what the normal one does.
import type { ElementDef, WorkflowDef } from "../data/workflows";
import { isRecord } from "../http/body";
import type { Quirks } from "./pick";
import { asNumber, nullIfEmpty, records, type Json } from "./shape";

const elementCache = new WeakMap<WorkflowDef[], Map<string, ElementDef>>();

function elements(workflows: WorkflowDef[]): Map<string, ElementDef> {
  let map = elementCache.get(workflows);
  if (!map) {
    map = new Map();
    for (const wf of workflows) {
      for (const node of Object.values(wf.nodes)) if (node.kind !== "end" && node.kind !== "service") for (const el of node.elements) map.set(el.id, el);
    }
    elementCache.set(workflows, map);
  }
  return map;
}

/** Numbers where the element holds a number (a postcode, an amount), booleans for checkboxes. */
function typedValue(el: ElementDef | undefined, v: unknown): unknown {
  if (typeof v !== "string" || !el) return v;
  if (el.type === "checkbox" && (v === "true" || v === "false")) return v === "true";
  if (el.type === "number" || el.role === "address_zip") return asNumber(v) ?? v;
  return v;
}

const epochMs = (v: unknown): unknown => {
  const t = typeof v === "string" ? Date.parse(v) : Number.NaN;
  return Number.isFinite(t) ? t : v;
};

function flow(f: Json, byId: Map<string, ElementDef>): void {
  for (const field of Object.values(isRecord(f.fieldData) ? f.fieldData : {})) {
    if (!isRecord(field)) continue;
    nullIfEmpty(field, ["role", "normalizedName"]);
    if (Array.isArray(field.value)) field.value = field.value.map((v) => typedValue(byId.get(String(field.id)), v));
  }
  nullIfEmpty(f, ["fileData", "enhancedFileData", "serviceData"]);
  for (const s of records(f.serviceData)) {
    if (typeof s.timestamp === "number") s.timestamp = s.timestamp * 1000;
    // secondaryMatch is already null when there is none; false is an answer, so it stays.
    nullIfEmpty(s, ["nodeTitle", "fullServiceDetails"]);
    if (isRecord(s.transactionInfo)) nullIfEmpty(s.transactionInfo, Object.keys(s.transactionInfo));
    else nullIfEmpty(s, ["transactionInfo"]);
  }
}

export function quirkySummary(q: Quirks, body: Json): Json {
  if (!q.pick("trulioo.client", String(body.id))) return body;
  const out = { ...body };
  nullIfEmpty(out, ["ownerIds", "statusManuallyChanged", "user"]);
  return out;
}

export function quirkyDetails(q: Quirks, workflows: WorkflowDef[], body: Json): Json {
  if (!q.pick("trulioo.client", String(body.id))) return body;
  // A deep copy: the body shares arrays and objects with the stored record.
  const out = structuredClone(body);
  nullIfEmpty(out, ["ownerIds", "statusManuallyChanged", "user"]);
  const byId = elements(workflows);
  for (const f of Object.values(isRecord(out.flowData) ? out.flowData : {})) if (isRecord(f)) flow(f, byId);
  for (const n of records(out.notes)) n.created = epochMs(n.created);
  for (const t of records(out.tasks)) {
    t.created = epochMs(t.created);
    t.updated = epochMs(t.updated);
  }
  nullIfEmpty(out, ["notes", "tasks", "links"]);
  return out;
}

/** Workflow `created` in seconds, where that loses nothing (generated times are whole seconds). */
export function quirkyWorkflow(q: Quirks, w: Json): Json {
  if (!q.pick("trulioo.workflow", String(w.id)) || typeof w.created !== "number" || w.created % 1000 !== 0) return w;
  return { ...w, created: w.created / 1000 };
}

/** A page without `first` and `last`: the client has `number` and `totalPages` to tell the end. */
export function quirkyTruliooPage(q: Quirks, route: string, page: number, limit: number, envelope: Json): Json {
  if (!q.pick("trulioo.page", `${route}|${page}|${limit}`)) return envelope;
  const { first: _first, last: _last, ...rest } = envelope;
  return rest;
}
