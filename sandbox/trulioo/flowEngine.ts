// Live flow runs (F1-F3): a session per (mode, flow, client), walking the workflow graph.
// Every run creates or updates an end client and emits the flow webhook events.
import { randomUUID } from "node:crypto";
import type { SandboxConfig } from "../config";
import { Rng } from "../data/prng";
import { serviceRecord } from "../data/services";
import type { FlowRecord, ProfileRecord } from "../data/truliooTypes";
import { nextNodeKey, type FlowNode, type FormNode, type ServiceDef, type WorkflowDef } from "../data/workflows";
import { truliooError } from "../http/errors";
import { sleep, type Scheduler } from "../runtime/scheduler";
import { renderStep } from "./flowRender";
import { validateSubmission } from "./flowValidate";
import type { ProfileStore } from "./store";
import type { UploadStore } from "./uploads";
import type { EventInput, TruliooWebhooks } from "./webhooks";

export interface Session {
  clientId: string;
  wf: WorkflowDef;
  test: boolean;
  current: string;
  history: string[];
  finished: boolean;
  values: Map<string, string[]>;
  pending: { waiters: Array<() => void>; nodeId: string } | null;
}

export interface FlowDeps {
  cfg: SandboxConfig;
  store: ProfileStore;
  uploads: UploadStore;
  webhooks: TruliooWebhooks;
  scheduler: Scheduler;
}

function emptyFlow(id: string): FlowRecord {
  return { id, completed: false, fieldData: {}, fileData: {}, enhancedFileData: {}, serviceData: [] };
}

export class FlowEngine {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly d: FlowDeps) {}

  private key(test: boolean, flowId: string, clientId: string): string {
    return `${test ? "t" : "l"}:${flowId}:${clientId}`;
  }

  private emit(s: Session, e: Omit<EventInput, "clientId" | "flowId" | "test">): void {
    this.d.webhooks.emit({ ...e, clientId: s.clientId, flowId: s.wf.id, test: s.test });
  }

  private node(s: Session, key = s.current): FlowNode {
    const n = s.wf.nodes[key];
    if (!n) throw truliooError(404, 4002, `Node not found: ${key}`);
    return n;
  }

  /** The client's record for writing, with this flow's data. */
  private profile(s: Session): { rec: ProfileRecord; flow: FlowRecord } {
    const rec = this.d.store.edit(s.clientId, s.test);
    if (!rec) throw truliooError(404, 4100, "Client not found");
    const flow = (rec.flowData[s.wf.id] ??= emptyFlow(s.wf.id));
    return { rec, flow };
  }

  /** F1 without a session: a new end client starts the flow. */
  start(wf: WorkflowDef, test: boolean): Session {
    const now = this.d.store.nextTime();
    const id = randomUUID();
    this.d.store.add({
      id, index: null, test, ownerIds: ["user-sandbox"], created: now, lastModified: now,
      profileType: wf.corporate ? "BUSINESS" : "NORMAL", status: "NOT_STARTED", statusManuallyChanged: false, user: id,
      flowData: { [wf.id]: emptyFlow(wf.id) }, notes: [], tasks: [], links: [], files: {}, displayName: "",
    });
    return this.open(wf, test, id);
  }

  /** Attaches an existing client to a flow (signed URL with endClientId, connector token). */
  attach(wf: WorkflowDef, test: boolean, clientId: string): Session {
    const existing = this.sessions.get(this.key(test, wf.id, clientId));
    if (existing) return existing;
    const rec = this.d.store.edit(clientId, test);
    if (!rec) throw truliooError(404, 4100, "Client not found");
    if (!rec.flowData[wf.id]) {
      rec.flowData[wf.id] = emptyFlow(wf.id);
      this.d.store.touch(rec);
    }
    return this.open(wf, test, clientId);
  }

  private open(wf: WorkflowDef, test: boolean, clientId: string): Session {
    const s: Session = { clientId, wf, test, current: wf.root, history: [], finished: false, values: new Map(), pending: null };
    this.sessions.set(this.key(test, wf.id, clientId), s);
    this.emit(s, { type: "FLOW_START" });
    this.emit(s, { type: "STEP_INIT", nodeId: this.node(s).id });
    return s;
  }

  /** F1/F2/F3 with an x-hf-session header. */
  resume(wf: WorkflowDef, test: boolean, clientId: string): Session {
    const found = this.sessions.get(this.key(test, wf.id, clientId));
    if (found) return found;
    const rec = this.d.store.get(clientId, test);
    if (!rec) throw truliooError(404, 4100, "Client not found");
    const flow = rec.flowData[wf.id];
    if (!flow) throw truliooError(404, 4101, "Client has no flow with given ID");
    // A generated client that finished this flow is at its END; an unfinished one restarts it.
    const endKey = Object.values(wf.nodes).find((n) => n.kind === "end")?.key ?? wf.root;
    const s: Session = { clientId, wf, test, current: flow.completed ? endKey : wf.root, history: [], finished: flow.completed, values: new Map(), pending: null };
    for (const f of Object.values(flow.fieldData)) s.values.set(f.role ?? f.normalizedName, f.value);
    this.sessions.set(this.key(test, wf.id, clientId), s);
    return s;
  }

  step(s: Session): Record<string, unknown> {
    if (s.pending) return { type: "pending" };
    return renderStep(s, this.node(s), this.d.store.get(s.clientId, s.test)?.flowData[s.wf.id]);
  }

  async submit(s: Session, body: unknown, retryOnPending: boolean): Promise<Record<string, unknown>> {
    const rec = this.d.store.get(s.clientId, s.test);
    if (!rec) throw truliooError(404, 4100, "Client not found");
    if (rec.status === "ABANDONED") throw truliooError(409, 4109, "EndClient marked as abandoned");
    if (s.finished) throw truliooError(409, 4013, "Flow already finished");
    if (s.pending) return retryOnPending ? this.waitPending(s) : { type: "pending" };
    const node = this.node(s);
    if (node.kind !== "form" && node.kind !== "trulioo_doc_v") throw truliooError(409, 4013, "Flow already finished");
    const values = validateSubmission(node, body, this.d.uploads, s.clientId);
    const probe = [...values.values()].flat().join(" ").toLowerCase();
    const servicesAhead = node.service !== undefined || this.servicesAfter(s, node, values).length > 0;
    // Magic words (README): make the service call fail without changing anything.
    if (servicesAhead && probe.includes("fail502")) throw truliooError(502, 4009, "Service execution failed");
    if (servicesAhead && probe.includes("fail504")) throw truliooError(504, 6504, "Service has timed out");

    const { rec: w, flow } = this.profile(s);
    for (const el of node.elements) {
      const v = values.get(el.id);
      if (!v) continue;
      s.values.set(el.role ?? el.normalizedName, v);
      flow.fieldData[el.id] = { id: el.id, name: el.name, value: v, role: el.role, normalizedName: el.normalizedName };
      if (el.type === "file") {
        flow.fileData[el.id] = v[0] ?? "";
        flow.enhancedFileData[el.id] = v;
      }
    }
    if (w.status === "NOT_STARTED") w.status = "IN_PROGRESS";
    w.displayName = this.displayName(s) || w.displayName;
    this.d.store.touch(w);
    this.emit(s, { type: "STEP_SUBMIT", nodeId: node.id, stepData: (body ?? {}) as Record<string, unknown> });
    if (node.service) {
      this.startAsync(s, node, node.service);
      return retryOnPending ? this.waitPending(s) : { type: "pending" };
    }
    this.advance(s, node);
    return this.step(s);
  }

  back(s: Session): Record<string, unknown> {
    if (s.finished || s.pending || s.history.length === 0) throw truliooError(409, 4103, "Illegal back action");
    s.current = s.history.pop() ?? s.wf.root;
    this.emit(s, { type: "STEP_INIT", nodeId: this.node(s).id });
    return this.step(s);
  }

  /** Marks the client's run abandoned (the /_sandbox control; real flows time out). */
  abandon(clientId: string, test: boolean): ProfileRecord | undefined {
    const rec = this.d.store.edit(clientId, test);
    if (!rec) return undefined;
    rec.status = "ABANDONED";
    this.d.store.touch(rec);
    const flowId = Object.keys(rec.flowData)[0] ?? "";
    this.d.webhooks.emit({ type: "ABANDONED", clientId, flowId, test });
    return rec;
  }

  private displayName(s: Session): string {
    const company = s.values.get("company_name")?.[0];
    const first = s.values.get("first_name")?.[0] ?? "";
    const last = s.values.get("last_name")?.[0] ?? "";
    return company ?? `${first} ${last}`.trim();
  }

  private servicesAfter(s: Session, node: FormNode, values: Map<string, string[]>): ServiceDef[] {
    const merged = new Map(s.values);
    for (const el of node.elements) {
      const v = values.get(el.id);
      if (v) merged.set(el.role ?? el.normalizedName, v);
    }
    const out: ServiceDef[] = [];
    let key = nextNodeKey(node.next, merged);
    for (let n = s.wf.nodes[key]; n?.kind === "service"; n = s.wf.nodes[key]) {
      out.push(n.service);
      key = nextNodeKey(n.next, merged);
    }
    return out;
  }

  private runService(s: Session, nodeId: string, service: ServiceDef, status: "PENDING" | "COMPLETED" | "TIMEOUT"): Record<string, unknown> {
    const { rec, flow } = this.profile(s);
    const probe = [...s.values.values()].flat().join(" ").toLowerCase();
    const country = s.values.get("address_country")?.[0] ?? "US";
    const record = serviceRecord({
      rng: new Rng(Math.floor(Math.random() * 4294967296)), service, nodeId, status, match: !probe.includes("nomatch"),
      timestampMs: this.d.store.nextTime(), countryCode: country, companyName: s.values.get("company_name")?.[0],
      registrationNumber: s.values.get("company_registration_number")?.[0],
    });
    const existing = flow.serviceData.findIndex((x) => x.nodeId === nodeId);
    if (existing >= 0) flow.serviceData[existing] = record;
    else flow.serviceData.push(record);
    this.d.store.touch(rec);
    return { timestamp: record.timestamp, serviceStatus: record.serviceStatus, match: record.match, secondaryMatch: record.secondaryMatch, transactionInfo: { countryCode: country, transactionId: record.transactionInfo.transactionId, transactionRecordId: record.transactionInfo.transactionRecordId } };
  }

  private startAsync(s: Session, node: FormNode, service: ServiceDef): void {
    this.emit(s, { type: "SERVICE_INIT", nodeId: node.id, serviceType: service.serviceType });
    this.runService(s, node.id, service, "PENDING");
    s.pending = { waiters: [], nodeId: node.id };
    const half = Math.floor(this.d.cfg.pendingMs / 2);
    this.d.scheduler.after(half, () => this.emit(s, { type: "INTERMEDIATE_EVENT_RECEIVED", nodeId: node.id, serviceType: service.serviceType }));
    this.d.scheduler.after(this.d.cfg.pendingMs, () => {
      const serviceData = this.runService(s, node.id, service, "COMPLETED");
      this.emit(s, { type: "SERVICE_SUBMIT", nodeId: node.id, serviceType: service.serviceType, serviceData });
      const waiters = s.pending?.waiters ?? [];
      s.pending = null;
      this.advance(s, node);
      for (const w of waiters) w();
    });
  }

  private async waitPending(s: Session): Promise<Record<string, unknown>> {
    const pending = s.pending;
    if (pending) await Promise.race([new Promise<void>((resolve) => pending.waiters.push(resolve)), sleep(this.d.cfg.retryOnPendingCapMs)]);
    return this.step(s);
  }

  /** Runs instant services after `from` until the next interactive node or END. */
  private advance(s: Session, from: FlowNode): void {
    if (from.kind === "end") return;
    let key = nextNodeKey(from.next, s.values);
    for (let guard = 0; guard < 50; guard++) {
      const n = this.node(s, key);
      if (n.kind === "service") {
        this.emit(s, { type: "SERVICE_INIT", nodeId: n.id, serviceType: n.service.serviceType });
        const timedOut = [...s.values.values()].flat().join(" ").toLowerCase().includes("timeout");
        const serviceData = this.runService(s, n.id, n.service, timedOut ? "TIMEOUT" : "COMPLETED");
        this.emit(s, { type: timedOut ? "SERVICE_TIMEOUT" : "INSTANT_SERVICE_SUBMIT", nodeId: n.id, serviceType: n.service.serviceType, serviceData });
        key = nextNodeKey(n.next, s.values);
        continue;
      }
      s.history.push(s.current);
      s.current = key;
      if (n.kind === "end") {
        s.finished = true;
        const { rec, flow } = this.profile(s);
        flow.completed = true;
        if (rec.status === "NOT_STARTED" || rec.status === "IN_PROGRESS") rec.status = "COMPLETED";
        this.d.store.touch(rec);
        this.emit(s, { type: "FLOW_END", nodeId: n.id });
      } else {
        this.emit(s, { type: "STEP_INIT", nodeId: n.id });
      }
      return;
    }
  }
}
