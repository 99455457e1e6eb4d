// Jumio Retrieval bodies (J1, J2, J4, J5) as the real service may also write them: `+00:00`
// instead of `Z` (and no fraction when it is .000, as Java writes an Instant), explicit nulls
// for absent parts, and on a share of executions steps and rules without `name` and step
// times to the second. Records keep every value; only J4/J5 leave those details out.
import { isRecord } from "../http/body";
import type { Quirks } from "./pick";
import { records, type Json } from "./shape";

const KIND = "jumio.execution";

/** `2026-05-01T10:00:00.123Z` → `2026-05-01T10:00:00.123+00:00`; `.000` is left out. */
export function offsetIso(v: unknown, toSecond = false): unknown {
  if (typeof v !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v)) return v;
  const bare = toSecond ? v.replace(/\.\d+Z$/, "Z") : v.replace(/\.0+Z$/, "Z");
  return bare.replace(/Z$/, "+00:00");
}

function nullIfAbsent(o: Json, keys: readonly string[]): void {
  for (const k of keys) if (o[k] === undefined) o[k] = null;
}

function times(o: Json, keys: readonly string[], toSecond = false): void {
  for (const k of keys) if (k in o) o[k] = offsetIso(o[k], toSecond);
}

/** Sub-variants of a quirky execution: bit 0 drops step and rule names, bit 1 writes step times to the second. */
function variant(q: Quirks, id: string): { names: boolean; seconds: boolean } {
  const v = q.variant(KIND, id, 4);
  return { names: (v & 1) === 1, seconds: (v & 2) === 2 };
}

function decisionOf(d: unknown, workflowStatus: unknown): unknown {
  if (!isRecord(d)) return d;
  const out = { ...d };
  const label = isRecord(d.details) ? d.details.label : undefined;
  // The transaction-level label is the type, or the workflow status when nothing ran (§2.3, §2.4).
  if (label === d.type || label === workflowStatus) out.details = null;
  nullIfAbsent(out, ["risk"]);
  return out;
}

export function quirkyRecord(q: Quirks, body: Json): Json {
  const workflow = isRecord(body.workflow) ? body.workflow : {};
  if (!q.pick(KIND, String(workflow.id))) return body;
  const out = structuredClone(body);
  nullIfAbsent(out, ["startedAt", "completedAt", "wipedOutAt", "feedback", "consent", "captureClient"]);
  times(out, ["createdAt", "startedAt", "completedAt", "wipedOutAt"]);
  if (isRecord(out.consent)) times(out.consent, ["obtainedAt"]);
  for (const c of records(out.credentials)) {
    nullIfAbsent(c, ["clientIp", "consent"]);
    for (const p of records(c.parts)) nullIfAbsent(p, ["href", "captureType"]);
  }
  out.decision = decisionOf(out.decision, workflow.status);
  return out;
}

export function quirkyListItem(q: Quirks, item: Json): Json {
  if (!q.pick(KIND, String(item.id))) return item;
  const out = { ...item };
  times(out, ["createdAt", "completedAt"]);
  return out;
}

export function quirkySteps(q: Quirks, executionId: string, body: Json): Json {
  if (!q.pick(KIND, executionId)) return body;
  const v = variant(q, executionId);
  const steps = records(body.steps).map((s) => {
    const { name: _name, ...rest } = s;
    const out: Json = v.names ? { ...rest } : { ...s };
    times(out, ["startedAt", "completedAt"], v.seconds);
    if (isRecord(out.decision)) out.decision = { ...out.decision, risk: out.decision.risk ?? null };
    return out;
  });
  return { ...body, steps };
}

export function quirkyRules(q: Quirks, executionId: string, body: Json): Json {
  if (!q.pick(KIND, executionId) || !variant(q, executionId).names) return body;
  return { ...body, executions: records(body.executions).map(({ name: _name, ...rest }) => rest) };
}

/** J6 and J7 answer with a redirect to a storage URL for quirky executions. */
export function redirectsToStorage(q: Quirks, executionId: string): boolean {
  return q.pick(KIND, executionId);
}
