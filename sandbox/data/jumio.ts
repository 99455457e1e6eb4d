// Jumio workflow executions by index. Executions of one account sit next to each other
// (see context.ts), and an account known to Trulioo belongs to the profile with the same
// index: its executions carry that client id and its last one is the profile's doc check.
import { buildCapabilities, decision, type Capability, type Decision, type DecisionType, type Rule, type Step } from "./jumioCaps";
import { accountExecutions, accountProfile, clientId, executionAccount, type DataContext } from "./context";
import { indexedUuid, uuidIndex } from "./ids";
import { person, STRANGER_OFFSET, type Person } from "./person";
import { D, rngFor } from "./prng";

export const WORKFLOW_STATUSES = ["INITIATED", "ACQUIRED", "PROCESSED", "SESSION_EXPIRED", "TOKEN_EXPIRED"] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export interface Part {
  classifier: string;
  captureType?: string;
}
export interface Credential {
  id: string;
  category: string;
  clientIp?: string;
  parts: Part[];
  consent?: { decisionAccepted: boolean; collectedBy: string };
}
export interface ExecutionRecord {
  id: string;
  accountId: string;
  /** Base index, or null for executions created at run time. */
  index: number | null;
  definitionKey: string;
  status: WorkflowStatus;
  userReference: string;
  customerInternalReference: string;
  createdAt: number;
  startedAt?: number;
  completedAt?: number;
  wipedOutAt?: number;
  credentials: Credential[];
  decision: Decision;
  capabilities: Record<string, Capability[]>;
  steps: Step[];
  rules: Rule[];
  feedback?: { status: string; reason?: string };
  consent?: { obtained: string; obtainedAt: string };
  captureClient: Record<string, unknown>;
  /** Used for the PDF and images; not part of the API shape. */
  person: Person;
}

export interface ExecutionCore {
  status: WorkflowStatus;
  decision: DecisionType;
  score: number;
  createdAt: number;
  startedAt?: number;
  completedAt?: number;
}

export function scoreFor(rngInt: (min: number, max: number) => number, type: DecisionType): number {
  if (type === "PASSED") return rngInt(0, 30);
  if (type === "WARNING") return rngInt(31, 70);
  if (type === "REJECTED") return rngInt(71, 100);
  return -1;
}

export function accountId(ctx: DataContext, account: number): string {
  return indexedUuid(ctx.seed, D.jumioAccount, account);
}
export function accountIndex(ctx: DataContext, id: string): number | undefined {
  return uuidIndex(ctx.seed, D.jumioAccount, id, ctx.jumioAccounts);
}
export function executionId(ctx: DataContext, execution: number): string {
  return indexedUuid(ctx.seed, D.jumioExecution, execution);
}
export function executionIndex(ctx: DataContext, id: string): number | undefined {
  return uuidIndex(ctx.seed, D.jumioExecution, id, ctx.jumioExecutions);
}
export function credentialIndex(ctx: DataContext, id: string): number | undefined {
  return uuidIndex(ctx.seed, D.jumioCredential, id, ctx.jumioExecutions * 4);
}

/** The cheap part of an execution: enough for list items and for the linked Trulioo profile. */
export function executionCore(ctx: DataContext, e: number, createdAt = ctx.jumioTimeline.at(e)): ExecutionCore {
  const rng = rngFor(ctx.seed, D.jumioExecution, e);
  const account = executionAccount(e);
  const { start, count } = accountExecutions(account);
  const drawnStatus = rng.weighted([["PROCESSED", 78], ["INITIATED", 5], ["ACQUIRED", 6], ["SESSION_EXPIRED", 6], ["TOKEN_EXPIRED", 5]] as const);
  // The last execution of a known person is the one Trulioo's doc check points at, so it finished.
  const status: WorkflowStatus = accountProfile(ctx, account) !== undefined && e === start + count - 1 ? "PROCESSED" : drawnStatus;
  const drawnDecision = rng.weighted([["PASSED", 55], ["WARNING", 15], ["REJECTED", 22], ["NOT_EXECUTED", 8]] as const);
  const type: DecisionType = status === "PROCESSED" ? drawnDecision : "NOT_EXECUTED";
  const score = scoreFor((a, b) => rng.int(a, b), type);
  const startDelay = rng.int(5_000, 300_000);
  const runTime = rng.int(30_000, 360_000);
  const startedAt = status === "INITIATED" ? undefined : createdAt + startDelay;
  const completedAt =
    status === "PROCESSED" ? createdAt + startDelay + runTime
    : status === "SESSION_EXPIRED" || status === "TOKEN_EXPIRED" ? createdAt + 30 * 60_000
    : undefined;
  return { status, decision: type, score, createdAt, startedAt, completedAt };
}

export function accountPerson(ctx: DataContext, account: number): { person: Person; personIndex: number; reference: string } {
  const profile = accountProfile(ctx, account);
  if (profile !== undefined) return { person: person(ctx.seed, profile), personIndex: profile, reference: clientId(ctx, profile) };
  const rng = rngFor(ctx.seed, D.jumioAccountRef, account);
  return { person: person(ctx.seed, STRANGER_OFFSET + account), personIndex: STRANGER_OFFSET + account, reference: `ext-${rng.hex(6)}` };
}

export interface ExecutionOverrides {
  id?: string;
  accountId?: string;
  createdAt?: number;
  status?: WorkflowStatus;
  reference?: string;
  /** The person behind a run-time execution that names a known client. */
  personIndex?: number;
}

/** Builds the full transaction record. `e` may exceed the base count for run-time executions. */
export function buildExecution(ctx: DataContext, e: number, account = executionAccount(e), o: ExecutionOverrides = {}): ExecutionRecord {
  const core = executionCore(ctx, e, o.createdAt);
  const status = o.status ?? core.status;
  const rng = rngFor(ctx.seed, D.jumioExecution, e + 0x40000000);
  const owner = o.personIndex === undefined ? accountPerson(ctx, account) : { person: person(ctx.seed, o.personIndex), reference: o.reference ?? "" };
  const credId = (k: number): string => indexedUuid(ctx.seed, D.jumioCredential, e * 4 + k);
  const idCred: Credential = {
    id: credId(0), category: "ID", clientIp: `203.0.113.${rng.int(1, 254)}`,
    parts: [{ classifier: "FRONT", captureType: rng.pick(["camera", "upload"]) }],
    consent: { decisionAccepted: true, collectedBy: "CUSTOMER" },
  };
  if (owner.person.documentType !== "PASSPORT") idCred.parts.push({ classifier: "BACK", captureType: "camera" });
  const selfie: Credential = { id: credId(1), category: "SELFIE", clientIp: idCred.clientIp, parts: [{ classifier: "FACE", captureType: "camera" }] };
  const facemap: Credential = { id: credId(2), category: "FACEMAP", clientIp: idCred.clientIp, parts: [{ classifier: "FACEMAP" }] };
  const credentials = status === "INITIATED" ? [] : status === "PROCESSED" ? [idCred, selfie, facemap] : [idCred];
  const completedAt = status === "PROCESSED" ? core.completedAt ?? core.createdAt + 120_000 : core.completedAt;
  const built = status === "PROCESSED"
    ? buildCapabilities({ rng, overall: core.decision, id: { id: idCred.id, category: "ID" }, selfie: { id: selfie.id, category: "SELFIE" }, person: owner.person, createdAt: core.createdAt, completedAt: completedAt ?? core.createdAt })
    : { capabilities: {}, steps: [], rules: [] };
  const type = status === "PROCESSED" ? core.decision : "NOT_EXECUTED";
  const fraud = status === "PROCESSED" && rng.chance(0.05);
  return {
    id: o.id ?? executionId(ctx, e),
    accountId: o.accountId ?? accountId(ctx, account),
    index: o.id ? null : e,
    definitionKey: rng.pick(["10013", "10015", "10021"]),
    status,
    userReference: `user-${rngFor(ctx.seed, D.jumioAccountRef, account).hex(4)}`,
    customerInternalReference: o.reference ?? owner.reference,
    createdAt: core.createdAt,
    startedAt: status === "INITIATED" ? undefined : core.startedAt ?? core.createdAt + 10_000,
    completedAt,
    credentials,
    decision: decision(type, status === "PROCESSED" ? type : status, status === "PROCESSED" ? core.score : -1),
    capabilities: built.capabilities,
    steps: built.steps,
    rules: built.rules,
    feedback: fraud ? { status: "FRAUD", reason: rng.pick(["IDENTITY_FRAUD", "FIRST_PARTY_FRAUD", "SYNTHETIC_ID_FRAUD"]) } : undefined,
    consent: rng.chance(0.6) ? { obtained: "yes", obtainedAt: new Date(core.createdAt + 1_000).toISOString() } : undefined,
    captureClient: {
      lastCapturedCredential: credentials.length > 1 ? "SELFIE" : "ID",
      id: { captureMode: rng.pick(["auto_capture", "manual_capture"]) },
      selfie: { captureMode: rng.pick(["auto_capture", "manual_capture"]) },
    },
    person: owner.person,
  };
}
