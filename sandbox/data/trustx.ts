// TrustX process instances and their process tokens by index (one token per base
// instance). An instance sent to a known Trulioo profile carries its client id in the
// token's referenceID (contract §4) and uses that profile's person.
import { clientId, instanceProfile, type DataContext } from "./context";
import { base32Index, indexedBase32 } from "./ids";
import { toAscii } from "./names";
import { person, personKey, STRANGER_OFFSET, type Person, type PersonKey } from "./person";
import { D, rngFor, type Rng } from "./prng";

export const INSTANCE_STATUSES = [
  "ACTIVE", "PENDING", "REVIEW", "COMPLETED_ENDED_SUCCESS", "COMPLETED_TERMINATED", "COMPLETED_ENDED_ERROR", "COMPLETED_PROCESS_ERROR",
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const STATUS_MAPPED: Record<InstanceStatus, string> = {
  ACTIVE: "In Progress", PENDING: "Pending", REVIEW: "Review", COMPLETED_ENDED_SUCCESS: "Accepted",
  COMPLETED_TERMINATED: "Abandoned", COMPLETED_ENDED_ERROR: "Declined", COMPLETED_PROCESS_ERROR: "Error",
};

export const TENANT_ID = "sandbox-tenant";

export interface ProcessDefinition {
  id: string;
  name: string;
  version: number;
}

export interface UserData {
  documents: Record<string, { documentType: string; countryCode: string; biographicData: Array<{ fieldName: string; values: { visualZoneValue: string; mrzValue: string } }> }>;
  customData: Record<string, unknown>;
}

export interface TokenRecord {
  id: string;
  tenantId: string;
  name: string;
  description?: string;
  processDefnName: string;
  processDefnVersion: number;
  uiUrl?: string;
  status: "ACTIVE" | "INACTIVE";
  type: "UNLIMITED" | "MULTI_USE_COUNT_LIMITED" | "MULTI_USE_TIME_LIMITED";
  counter: number;
  maxCount?: number;
  notBeforeDtm?: string;
  notAfterDtm?: string;
  maxProcessDuration: string;
  parameters: Record<string, unknown>;
  forTest: boolean;
  createdDtm: string;
  lastUpdatedDtm: string;
  createdBy: string;
  lastUpdatedBy: string;
}

export interface InstanceRecord {
  id: string;
  index: number | null;
  processDefnId: string;
  processDefnName: string;
  processDefnVersion: number;
  firstName: string;
  lastName: string;
  createdAt: number;
  elapsedMilliseconds: number;
  status: InstanceStatus;
  tokenId: string;
  userData: UserData | null;
}

const DEFINITIONS = [["KYC Onboarding", 3], ["Age Verification", 1], ["Document Verification", 2]] as const;

export function definitions(seed: number): ProcessDefinition[] {
  return DEFINITIONS.map(([name, version], k) => ({ id: indexedBase32(seed, D.trustxDefinition, k), name, version }));
}

export const instanceId = (ctx: DataContext, i: number): string => indexedBase32(ctx.seed, D.trustxInstance, i);
export const instanceIndex = (ctx: DataContext, id: string): number | undefined => base32Index(ctx.seed, D.trustxInstance, id, ctx.trustxInstances);
export const tokenId = (ctx: DataContext, i: number): string => indexedBase32(ctx.seed, D.trustxToken, i);
export const tokenIndex = (ctx: DataContext, id: string): number | undefined => base32Index(ctx.seed, D.trustxToken, id, ctx.trustxInstances);

const TERMINAL_WITH_DATA: ReadonlySet<InstanceStatus> = new Set(["REVIEW", "COMPLETED_ENDED_SUCCESS", "COMPLETED_ENDED_ERROR"]);

export function hasUserData(status: InstanceStatus): boolean {
  return TERMINAL_WITH_DATA.has(status);
}

/** The searchable and list-relevant part of a base instance. */
export interface InstanceLite {
  status: InstanceStatus;
  definition: number;
  person: Person;
  referenceID: string;
  createdAt: number;
  rng: Rng;
}

export interface InstanceKey {
  status: InstanceStatus;
  definition: number;
  person: PersonKey;
  referenceID: string;
}

const STATUS_WEIGHTS = [
  ["ACTIVE", 8], ["PENDING", 7], ["REVIEW", 10], ["COMPLETED_ENDED_SUCCESS", 45],
  ["COMPLETED_TERMINATED", 10], ["COMPLETED_ENDED_ERROR", 12], ["COMPLETED_PROCESS_ERROR", 8],
] as const;
const DEFINITION_WEIGHTS = [[0, 6], [1, 2], [2, 2]] as const;

function draw<P>(ctx: DataContext, i: number, who: (seed: number, index: number) => P): InstanceKey & { person: P; rng: Rng } {
  const rng = rngFor(ctx.seed, D.trustxInstance, i);
  const status = rng.weighted(STATUS_WEIGHTS);
  const definition = rng.weighted(DEFINITION_WEIGHTS);
  const profile = instanceProfile(ctx, i);
  const p = who(ctx.seed, profile !== undefined ? profile : 2 * STRANGER_OFFSET + i);
  const referenceID = profile !== undefined ? clientId(ctx, profile) : `crm-${rng.hex(5)}`;
  return { status, definition, person: p, referenceID, rng } as InstanceKey & { person: P; rng: Rng };
}

export function instanceLite(ctx: DataContext, i: number): InstanceLite {
  return { ...draw(ctx, i, person), createdAt: ctx.trustxTimeline.at(i) };
}

/** Only what search needs; cheaper than instanceLite for scans over large datasets. */
export function instanceKey(ctx: DataContext, i: number): InstanceKey {
  return draw(ctx, i, personKey);
}

export function userDataFor(p: Person, rng: Rng, extra: Record<string, unknown>): UserData {
  const field = (fieldName: string, value: string): UserData["documents"][string]["biographicData"][number] => ({
    fieldName, values: { visualZoneValue: value, mrzValue: toAscii(value).toUpperCase().replace(/[^A-Z0-9]/g, "<") },
  });
  return {
    documents: {
      doc1: {
        documentType: rng.chance(0.05) ? "OTHER" : p.documentType,
        countryCode: p.nationality,
        biographicData: [
          field("Document Number", p.documentNumber), field("First Name", p.firstName), field("Last Name", p.lastName),
          field("Date of Birth", p.dob), field("Expiry Date", p.documentExpiry), field("Nationality", p.nationality),
        ],
      },
    },
    customData: { email: p.email, phoneNumber: p.phone, ...extra },
  };
}

export function buildInstance(ctx: DataContext, i: number): InstanceRecord {
  const lite = instanceLite(ctx, i);
  const def = definitions(ctx.seed)[lite.definition] ?? { id: "", name: "", version: 1 };
  const terminal = lite.status.startsWith("COMPLETED") || lite.status === "REVIEW";
  return {
    id: instanceId(ctx, i),
    index: i,
    processDefnId: def.id,
    processDefnName: def.name,
    processDefnVersion: def.version,
    firstName: lite.person.firstName,
    lastName: lite.person.lastName,
    createdAt: lite.createdAt,
    elapsedMilliseconds: terminal ? lite.rng.int(60_000, 1_200_000) : lite.rng.int(0, 600_000),
    status: lite.status,
    tokenId: tokenId(ctx, i),
    userData: hasUserData(lite.status) ? userDataFor(lite.person, lite.rng, { referenceID: lite.referenceID }) : null,
  };
}

export function buildToken(ctx: DataContext, i: number): TokenRecord {
  const lite = instanceLite(ctx, i);
  const def = definitions(ctx.seed)[lite.definition] ?? { id: "", name: "", version: 1 };
  const at = new Date(lite.createdAt - 60_000).toISOString();
  return {
    id: tokenId(ctx, i), tenantId: TENANT_ID, name: `Verification link ${i + 1}`, processDefnName: def.name,
    processDefnVersion: def.version, status: "ACTIVE", type: "MULTI_USE_COUNT_LIMITED", counter: 1, maxCount: 3,
    maxProcessDuration: "PT48H",
    parameters: { firstName: lite.person.firstName, lastName: lite.person.lastName, email: lite.person.email, phoneNumber: lite.person.phone, referenceID: lite.referenceID },
    forTest: false, createdDtm: at, lastUpdatedDtm: at, createdBy: "API Key: compliance-desk", lastUpdatedBy: "API Key: compliance-desk",
  };
}
