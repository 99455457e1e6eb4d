// Trulioo end clients by index. skeleton() is the cheap part (type, status, flows) that
// list filters scan; generateProfile() builds the full record on demand.
import { clientId, profileAccount, type DataContext } from "./context";
import { baseFileKey } from "./fileKeys";
import { executionCore, executionId } from "./jumio";
import { accountExecutions } from "./context";
import { company, person, type Company, type Person } from "./person";
import { D, rngFor, unitHash, type Rng } from "./prng";
import { serviceRecord } from "./services";
import type { FileMeta, FlowRecord, Link, Note, ProfileRecord, Status, Task } from "./truliooTypes";
import { nextNodeKey, WF, type ElementDef, type FormNode, type WorkflowDef } from "./workflows";

export interface Skeleton {
  business: boolean;
  status: Status;
  manual: boolean;
  /** Bit w set = the profile interacted with workflow w. */
  flows: number;
  jumio: boolean;
}

const COMPLETED_LIKE: ReadonlySet<Status> = new Set(["COMPLETED", "ACCEPTED", "REJECTED", "PENDING_REVIEW"]);

export function skeleton(ctx: DataContext, i: number): Skeleton {
  const rng = rngFor(ctx.seed, D.skeleton, i);
  const jumio = i < ctx.profiles && profileAccount(ctx, i) !== undefined;
  const business = rng.chance(0.3) && !jumio;
  const drawn = rng.weighted([
    ["NOT_STARTED", 6], ["IN_PROGRESS", 10], ["COMPLETED", 14], ["ACCEPTED", 35],
    ["REJECTED", 12], ["PENDING_REVIEW", 14], ["ABANDONED", 9],
  ] as const);
  const linked = rng.weighted([["COMPLETED", 20], ["ACCEPTED", 40], ["REJECTED", 15], ["PENDING_REVIEW", 25]] as const);
  const status: Status = jumio ? linked : drawn;
  const manual = status !== "COMPLETED" && status !== "NOT_STARTED" && status !== "IN_PROGRESS" && rng.chance(0.5);
  let flows = 1 << (business ? WF.business : WF.individual);
  const extras = [rng.chance(0.2), rng.chance(0.25), rng.chance(0.1)];
  if (COMPLETED_LIKE.has(status)) {
    if (extras[0] && !business && !jumio) flows |= 1 << WF.document;
    if (extras[1]) flows |= 1 << WF.address;
    if (extras[2]) flows |= 1 << WF.edd;
  }
  return { business, status, manual, flows, jumio };
}

/** Base link: a company owned by the person generated just before it. */
function ownsNext(ctx: DataContext, i: number): boolean {
  if (i < 0 || i + 1 >= ctx.profiles) return false;
  return skeleton(ctx, i + 1).business && !skeleton(ctx, i).business && unitHash(ctx.seed, D.owner, i + 1) < 0.7;
}

export function baseLinks(ctx: DataContext, i: number): Link[] {
  const links: Link[] = [];
  if (ownsNext(ctx, i - 1)) links.push({ from: clientId(ctx, i - 1), to: clientId(ctx, i), type: "OWNS" });
  if (ownsNext(ctx, i)) links.push({ from: clientId(ctx, i), to: clientId(ctx, i + 1), type: "OWNS" });
  return links;
}

interface FillInput {
  ctx: DataContext;
  rng: Rng;
  wf: WorkflowDef;
  clientIndex: number;
  person: Person;
  company: Company | null;
  mode: "full" | "partial" | "empty";
  fromMs: number;
  toMs: number;
  rejected: boolean;
  files: Record<string, FileMeta>;
  jumio?: { executionId: string; match: boolean; completedAt: number };
}

// Typed off the document the person uploads, so always filled when that step is reached. Drawn from hashes
// of their own, not the profile's stream, which left every other generated value as it was.
const FROM_DOCUMENT = new Set(["document_number", "nationality"]);
const TYPO_SHARE = 0.15;

/** Most people copy their document number right; some swap two digits, so comparisons have mismatches to flag. */
function enteredDocumentNumber(f: FillInput): string {
  const n = f.person.documentNumber;
  if (unitHash(f.ctx.seed, D.entryTypo, f.clientIndex) >= TYPO_SHARE || n.length < 3) return n;
  const swapped = `${n.slice(0, -2)}${n.at(-1)}${n.at(-2)}`;
  return swapped !== n ? swapped : `${n.slice(0, -1)}${(Number(n.at(-1)) + 1) % 10}`;
}

function roleValue(role: string, node: FormNode, f: FillInput): string | undefined {
  const { person: p, company: c } = f;
  const values: Record<string, string | undefined> = {
    first_name: p.firstName, last_name: p.lastName, email: p.email, phone: p.phone, dob: p.dob,
    address_1: p.address.line1, address_city: p.address.city, address_state: p.address.state || undefined,
    address_zip: p.address.zip, address_country: node.key === "company" && c ? c.country : p.address.country,
    national_id: p.nationalId, company_name: c?.name, company_registration_number: c?.registrationNumber,
    document_number: enteredDocumentNumber(f), nationality: p.nationality,
  };
  return values[role];
}

function elementValue(el: ElementDef, node: FormNode, f: FillInput, ordinal: number): string[] | undefined {
  const { rng, person: p } = f;
  if (el.role === "external_customer_id") return rng.chance(0.6) ? [`CRM-${rng.digits(6)}`] : undefined;
  if (el.role) {
    const v = roleValue(el.role, node, f);
    return v === undefined ? undefined : [v];
  }
  switch (el.type) {
    case "checkbox": return ["true"];
    case "select": return [el.normalizedName === "DocumentType" ? p.documentType : rng.pick(el.options ?? []).value];
    case "radio": return [rng.pick(el.options ?? []).value];
    case "checkbox_group": return f.company?.activities ?? [rng.pick(el.options ?? []).value];
    case "number": return [String(rng.int(1, 500) * 1000)];
    case "paragraph": return undefined;
    case "file": {
      if (el.fileKind === "id_back" && p.documentType === "PASSPORT") return undefined;
      const count = el.fileKind === "id_front" && rng.chance(0.3) ? 2 : 1;
      const keys: string[] = [];
      for (let n = 0; n < count; n++) {
        const key = baseFileKey(f.ctx.seed, { clientIndex: f.clientIndex, wfIndex: f.wf.index, elementSlot: ordinal, fileNo: n });
        const suffix = n === 0 ? "" : `-${n + 1}`;
        f.files[key] =
          el.fileKind === "id_back" ? { mime: "image/png", filename: `document-back${suffix}.png`, kind: "id_back" }
          : el.fileKind === "utility_bill" ? { mime: "application/pdf", filename: `utility-bill${suffix}.pdf`, kind: "utility_bill" }
          : { mime: "image/jpeg", filename: `document-front${suffix}.jpg`, kind: "id_front" };
        keys.push(key);
      }
      return keys;
    }
    default: return [rng.pick(["yes", "no"])];
  }
}

function fillFlow(f: FillInput): FlowRecord {
  const flow: FlowRecord = { id: f.wf.id, completed: false, fieldData: {}, fileData: {}, enhancedFileData: {}, serviceData: [] };
  if (f.mode === "empty") return flow;
  const values = new Map<string, string[]>();
  const stopAfter = f.mode === "partial" ? f.rng.int(1, 3) : Number.POSITIVE_INFINITY;
  let interactive = 0;
  let ordinal = 0;
  let t = f.fromMs;
  const tick = Math.max(1000, Math.floor((f.toMs - f.fromMs) / 12));
  const runService = (node: { id: string }, service: NonNullable<FormNode["service"]>): void => {
    t = Math.min(f.toMs, t + tick);
    const linked = service.nodeType === "trulioo_doc_v" && f.wf.index === WF.individual ? f.jumio : undefined;
    const status = f.mode === "partial" && service.mode === "async" ? "PENDING"
      : linked ? "COMPLETED"
      : f.rng.weighted([["COMPLETED", 90], ["TIMEOUT", 5], ["ERROR", 5]] as const);
    const match = linked ? linked.match : f.rng.chance(f.rejected ? 0.4 : 0.92);
    flow.serviceData.push(serviceRecord({
      rng: f.rng, service, nodeId: node.id, status, match, timestampMs: linked ? Math.min(f.toMs, Math.max(f.fromMs, linked.completedAt)) : t,
      countryCode: f.company && service.nodeType === "trulioo_kyb_search" ? f.company.country : f.person.address.country,
      person: f.person, companyName: f.company?.name, registrationNumber: f.company?.registrationNumber,
      transactionRecordId: linked?.executionId,
    }));
  };
  let key = f.wf.root;
  for (let guard = 0; guard < 50; guard++) {
    const node = f.wf.nodes[key];
    if (!node) break;
    if (node.kind === "end") {
      flow.completed = f.mode === "full";
      break;
    }
    if (node.kind === "service") {
      runService(node, node.service);
    } else {
      if (interactive >= stopAfter) break;
      interactive++;
      for (const el of node.elements) {
        const slot = ordinal++;
        if (!el.required && el.type !== "file" && !FROM_DOCUMENT.has(el.role ?? "") && !f.rng.chance(0.7)) continue;
        const v = elementValue(el, node, f, slot);
        if (!v) continue;
        values.set(el.role ?? el.normalizedName, v);
        flow.fieldData[el.id] = { id: el.id, name: el.name, value: v, role: el.role, normalizedName: el.normalizedName };
        if (el.type === "file") {
          flow.fileData[el.id] = v[0] ?? "";
          flow.enhancedFileData[el.id] = v;
        }
      }
      if (node.service) runService(node, node.service);
    }
    key = nextNodeKey(node.next, values);
  }
  return flow;
}

const NOTE_TEXTS = ["Called the customer to confirm the address.", "Document re-uploaded after a blurry first attempt.", "Escalated to the compliance officer.", "Källa bekräftad – manual check OK ✓", "Name spelling confirmed: diacritics kept as on passport."];
const TASK_TEXTS = ["Request proof of address", "Review watchlist hit", "Verify beneficial owners", "Check source of funds"];

export function generateProfile(ctx: DataContext, i: number, override?: { lastModified: number }): ProfileRecord {
  const sk = skeleton(ctx, i);
  const rng = rngFor(ctx.seed, D.profile, i);
  const id = clientId(ctx, i);
  const lastModified = override?.lastModified ?? ctx.profileTimeline.at(i);
  const created = lastModified - rng.int(3_600_000, 20 * 86_400_000);
  const p = person(ctx.seed, i);
  const c = sk.business ? company(ctx.seed, i) : null;
  const files: Record<string, FileMeta> = {};
  const account = sk.jumio ? profileAccount(ctx, i) : undefined;
  let jumio: FillInput["jumio"];
  if (account !== undefined) {
    const { start, count } = accountExecutions(account);
    const last = start + count - 1;
    const core = executionCore(ctx, last);
    jumio = { executionId: executionId(ctx, last), match: core.decision === "PASSED" || core.decision === "WARNING", completedAt: core.completedAt ?? core.createdAt };
  }
  const flowData: Record<string, FlowRecord> = {};
  const primary = sk.business ? WF.business : WF.individual;
  const mode = sk.status === "NOT_STARTED" ? "empty" : sk.status === "IN_PROGRESS" || sk.status === "ABANDONED" ? "partial" : "full";
  for (const wf of ctx.workflows) {
    if (!(sk.flows & (1 << wf.index))) continue;
    flowData[wf.id] = fillFlow({
      ctx, rng, wf, clientIndex: i, person: p, company: c, mode: wf.index === primary ? mode : "full",
      fromMs: created, toMs: lastModified, rejected: sk.status === "REJECTED", files, jumio,
    });
  }
  const iso = (t: number): string => new Date(t).toISOString();
  const notes: Note[] = [];
  const tasks: Task[] = [];
  for (let n = rng.chance(0.3) ? rng.int(1, 2) : 0; n > 0; n--) {
    notes.push({ id: rng.uuid(), text: rng.pick(NOTE_TEXTS), createdBy: "analyst@sandbox.example", created: iso(rng.int(created, lastModified)) });
  }
  for (let n = rng.chance(0.2) ? rng.int(1, 2) : 0; n > 0; n--) {
    const at = rng.int(created, lastModified);
    tasks.push({ id: rng.uuid(), text: rng.pick(TASK_TEXTS), resolved: rng.chance(0.5), createdBy: "analyst@sandbox.example", updatedBy: "manager@sandbox.example", created: iso(at), updated: iso(Math.min(lastModified, at + 86_400_000)) });
  }
  return {
    id, index: i, test: false,
    ownerIds: [`user-${rng.hex(4)}`],
    created, lastModified,
    profileType: sk.business ? "BUSINESS" : "NORMAL",
    status: sk.status,
    statusManuallyChanged: sk.manual,
    user: id,
    flowData, notes, tasks,
    links: i < ctx.profiles ? baseLinks(ctx, i) : [],
    files,
    displayName: c ? c.name : p.fullName,
  };
}
