// Jumio capability results (contract §2.4). The execution's overall decision is drawn
// first; capability outcomes are then chosen to explain it, honouring the dependency
// order (a failed precondition leaves its dependents NOT_EXECUTED).
import type { Person } from "./person";
import type { Rng } from "./prng";

export type DecisionType = "PASSED" | "WARNING" | "REJECTED" | "NOT_EXECUTED";
export interface CredRef {
  id: string;
  category: string;
}
export interface Decision {
  type: DecisionType | string;
  details: { label: string };
  risk?: { score: number };
}
export interface Capability {
  id: string;
  credentials: CredRef[];
  decision: Decision;
  data: Record<string, unknown>;
}
export interface Step {
  id: string;
  name: string;
  decision: Decision;
  capabilities: string[];
  credentials: CredRef[];
  startedAt?: string;
  completedAt?: string;
}
export interface Rule {
  id: string;
  name: string;
  result: "FIRED" | "NOT_FIRED";
  score: number;
  decision: Decision;
}

export const LABELS = {
  usability: { REJECTED: ["BAD_QUALITY", "BLACK_WHITE", "MISSING_PAGE", "MISSING_SIGNATURE", "NOT_A_DOCUMENT", "PHOTOCOPY"], NOT_EXECUTED: ["TECHNICAL_ERROR", "NOT_UPLOADED"] },
  liveness: { REJECTED: ["LIVENESS_UNDETERMINED", "ID_USED_AS_SELFIE", "MULTIPLE_PEOPLE", "DIGITAL_COPY", "PHOTOCOPY", "MANIPULATED", "NO_FACE_PRESENT", "FACE_NOT_FULLY_VISIBLE", "BLACK_WHITE"], WARNING: ["AGE_DIFFERENCE", "BAD_QUALITY"] },
} as const;

const ALPHA3: Record<string, string> = {
  US: "USA", CA: "CAN", GB: "GBR", DE: "DEU", DK: "DNK", SE: "SWE", PL: "POL", ES: "ESP", FR: "FRA", BR: "BRA", MX: "MEX",
  VN: "VNM", JP: "JPN", CN: "CHN", GR: "GRC", UA: "UKR", TR: "TUR", IS: "ISL", NG: "NGA", IN: "IND", AE: "ARE",
};

export function decision(type: string, label: string, score?: number): Decision {
  return score === undefined ? { type, details: { label } } : { type, details: { label }, risk: { score } };
}

const RANK: Record<string, number> = { PASSED: 0, WARNING: 1, NOT_EXECUTED: 2, REJECTED: 3 };
function worst(types: string[]): string {
  return types.reduce((w, t) => ((RANK[t] ?? 0) > (RANK[w] ?? 0) ? t : w), "PASSED");
}

type Outcome = { type: DecisionType; label: string };
const ok = (similarity = false): Outcome => ({ type: "PASSED", label: similarity ? "MATCH" : "OK" });
const precondition: Outcome = { type: "NOT_EXECUTED", label: "PRECONDITION_NOT_FULFILLED" };

export interface CapabilityInput {
  rng: Rng;
  overall: DecisionType;
  id: CredRef;
  selfie: CredRef;
  person: Person;
  createdAt: number;
  completedAt: number;
}

export function buildCapabilities(input: CapabilityInput): { capabilities: Record<string, Capability[]>; steps: Step[]; rules: Rule[] } {
  const { rng, overall, person } = input;
  const out: Record<string, Outcome> = {
    usability: ok(), imageChecks: ok(), extraction: ok(), dataChecks: ok(),
    liveness: ok(), similarity: ok(true), authentication: ok(),
    watchlistScreening: ok(), addressValidation: ok(), proofOfResidency: ok(), drivingLicenseVerification: ok(),
  };
  const failUsability = (o: Outcome): void => {
    for (const k of Object.keys(out)) out[k] = precondition;
    out.usability = o;
  };
  if (overall === "WARNING") {
    const which = rng.pick(["liveness", "similarity", "imageChecks"] as const);
    if (which === "liveness") out.liveness = { type: "WARNING", label: rng.pick(LABELS.liveness.WARNING) };
    if (which === "similarity") out.similarity = { type: "WARNING", label: "NOT_POSSIBLE" };
    if (which === "imageChecks") out.imageChecks = { type: "WARNING", label: "REPEATED_FACE" };
  } else if (overall === "REJECTED") {
    const which = rng.weighted([["usability", 3], ["liveness", 4], ["similarity", 2], ["dataChecks", 1]] as const);
    if (which === "usability") failUsability({ type: "REJECTED", label: rng.pick(LABELS.usability.REJECTED) });
    if (which === "liveness") out.liveness = { type: "REJECTED", label: rng.pick(LABELS.liveness.REJECTED) };
    if (which === "similarity") out.similarity = { type: "REJECTED", label: "NO_MATCH" };
    if (which === "dataChecks") out.dataChecks = { type: "REJECTED", label: "CUSTOMER_FEEDBACK" };
  } else if (overall === "NOT_EXECUTED") {
    failUsability({ type: "NOT_EXECUTED", label: rng.pick(LABELS.usability.NOT_EXECUTED) });
  }

  const present = new Set(["usability", "imageChecks", "extraction", "dataChecks", "liveness", "similarity"]);
  if (rng.chance(0.5)) present.add("watchlistScreening");
  if (rng.chance(0.2)) present.add("authentication");
  if (rng.chance(0.15)) present.add("addressValidation");
  if (rng.chance(0.1)) present.add("proofOfResidency");
  if (person.documentType === "DRIVERS_LICENSE" && rng.chance(0.4)) present.add("drivingLicenseVerification");

  const iso = (t: number): string => new Date(t).toISOString();
  const similarityValue = out.similarity?.type === "PASSED" ? "MATCH" : out.similarity?.label === "NO_MATCH" ? "NOT_MATCH" : "NOT_POSSIBLE";
  const dataFor = (cap: string): Record<string, unknown> => {
    switch (cap) {
      case "extraction":
        return {
          type: person.documentType === "DRIVERS_LICENSE" ? "DRIVING_LICENSE" : person.documentType,
          subType: person.documentType === "PASSPORT" ? "E_PASSPORT" : "NATIONAL_ID",
          issuingCountry: ALPHA3[person.nationality] ?? person.nationality,
          firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dob,
          documentNumber: person.documentNumber, expiryDate: person.documentExpiry,
          nationality: ALPHA3[person.nationality] ?? person.nationality,
          address: { line1: person.address.line1, city: person.address.city, postalCode: person.address.zip, country: person.address.country },
        };
      case "similarity":
        return { similarity: similarityValue };
      case "liveness":
        return { type: rng.pick(["IPROOV_STANDARD", "IPROOV_PREMIUM", "JUMIO_STANDARD"]), validFaceMapForAuthentication: out.liveness?.type === "PASSED" };
      case "imageChecks":
        return { faceSearchFindings: { status: "DONE", findings: out.imageChecks?.label === "REPEATED_FACE" ? [rng.uuid(), rng.uuid()] : [] } };
      case "watchlistScreening": {
        const hits = rng.chance(0.1) ? rng.int(1, 3) : 0;
        const searchId = rng.hex(6);
        return { searchId, searchDate: iso(input.completedAt), searchStatus: "DONE", searchResults: hits, searchReference: `ref-${rng.hex(4)}`, searchResultUrl: `https://screening.example.com/results/${searchId}` };
      }
      default:
        return {};
    }
  };

  const capabilities: Record<string, Capability[]> = {};
  for (const cap of Object.keys(out)) {
    if (!present.has(cap)) continue;
    const o = out[cap] ?? ok();
    const creds = cap === "liveness" ? [input.selfie] : cap === "similarity" ? [input.id, input.selfie] : [input.id];
    capabilities[cap] = [{ id: rng.uuid(), credentials: creds, decision: decision(o.type, o.label), data: o.type === "NOT_EXECUTED" ? {} : dataFor(cap) }];
  }

  const stepOf = (name: string, caps: string[], creds: CredRef[]): Step => {
    const used = caps.filter((c) => present.has(c));
    const type = worst(used.map((c) => out[c]?.type ?? "PASSED"));
    return { id: rng.uuid(), name, decision: decision(type, type), capabilities: used, credentials: creds, startedAt: iso(input.createdAt), completedAt: iso(input.completedAt) };
  };
  const steps = [
    stepOf("ID verification", ["usability", "imageChecks", "extraction", "dataChecks"], [input.id]),
    stepOf("Identity verification", ["liveness", "similarity", "authentication"], [input.selfie]),
  ];
  if (present.has("watchlistScreening")) steps.push(stepOf("Screening", ["watchlistScreening"], [input.id]));

  const fired = (cond: boolean, name: string, score: number, type: string): Rule => ({
    id: rng.uuid(), name, result: cond ? "FIRED" : "NOT_FIRED", score: cond ? score : 0, decision: decision(cond ? type : "PASSED", cond ? type : "OK"),
  });
  const rules = [
    fired(person.documentExpiry < iso(input.createdAt).slice(0, 10), "Document expired", 80, "REJECTED"),
    fired(Number(person.dob.slice(0, 4)) > new Date(input.createdAt).getUTCFullYear() - 18, "Minimum age 18", 90, "REJECTED"),
    fired(out.imageChecks?.label === "REPEATED_FACE", "Repeated face", 50, "WARNING"),
    fired(out.similarity?.type !== "PASSED" && out.similarity?.type !== "NOT_EXECUTED", "Selfie does not match", 75, String(out.similarity?.type ?? "PASSED")),
  ];
  return { capabilities, steps, rules };
}
