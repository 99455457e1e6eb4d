// TrustX bodies (X3-X6) as a real deployment may also write them: `createdDtm` for the
// creation time, written with an offset, without one (meaning UTC) or as epoch ms; explicit
// nulls where the value is empty or follows from another member; Spring pages without
// `first`/`last`.
import { definitions, STATUS_MAPPED, TENANT_ID, type InstanceStatus } from "../data/trustx";
import type { Quirks } from "./pick";
import type { Json } from "./shape";

const KIND = "trustx.instance";

function timeForm(v: unknown, form: number): unknown {
  if (typeof v !== "string") return v;
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return v;
  if (form === 1) return new Date(t).toISOString().replace(/Z$/, "");
  if (form === 2) return t;
  return v;
}

export function quirkyInstance(q: Quirks, seed: number, body: Json): Json {
  const id = String(body.id);
  if (!q.pick(KIND, id)) return body;
  const out: Json = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "createdAt") out.createdDtm = timeForm(v, q.variant(KIND, id, 3));
    else out[k] = v;
  }
  if (out.firstName === "") out.firstName = null;
  if (out.lastName === "") out.lastName = null;
  if (out.elapsedMilliseconds === 0) out.elapsedMilliseconds = null;
  // Nulls that lose nothing: the label follows from the status (§3.4), the version from the
  // definition, the tenant from the base URL.
  if (out.statusMapped === STATUS_MAPPED[out.status as InstanceStatus]) out.statusMapped = null;
  const def = definitions(seed).find((d) => d.id === out.processDefnId);
  if (def && out.processDefnVersion === def.version) out.processDefnVersion = null;
  if (out.tenantId === TENANT_ID) out.tenantId = null;
  return out;
}

export function quirkySpringPage(q: Quirks, route: string, page: number, size: number, envelope: Json): Json {
  if (!q.pick("trustx.page", `${route}|${page}|${size}`)) return envelope;
  const { first: _first, last: _last, ...rest } = envelope;
  return rest;
}
