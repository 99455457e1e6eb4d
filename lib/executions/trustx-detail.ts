import { z } from "zod";
import { TRUSTX_STATUS_LABELS, ZProcessInstanceWithParametersSchema, ZUserDataSchema } from "@/lib/providers/trustx/schemas";
import type { TComparedField, TDocumentFacts } from "./compare";
import { problemOf, type TReadProblem } from "./stored";

// What the page shows of a TrustX process instance, read from `executions.raw` = { instance, userData } as
// the sync stored them (lib/sync/sync-trustx.ts). Instance and user data are parsed on their own, and
// nothing here throws on stored data.

export type TBiographicField = { fieldName: string; value: string | null; values: { zone: string; value: string }[] };
export type TTrustxDocument = { key: string; documentType: string | null; countryCode: string | null; fields: TBiographicField[] };

export type TTrustxView = {
  instance: {
    status: string;
    statusLabel: string | null;
    definition: { id: string | null; name: string | null; version: number | null };
    applicant: { firstName: string | null; lastName: string | null };
    createdAt: Date;
    elapsedMs: number | null;
    tokenId: string | null;
    tokenParameters: Record<string, unknown> | null;
  } | null;
  /** "none": TrustX had no user data for the instance (yet). */
  userData: { documents: TTrustxDocument[]; customData: Record<string, unknown> | null } | "none" | "unreadable";
  /** What the document's biographic fields say, for the comparison with Trulioo. */
  document: TDocumentFacts;
  problems: TReadProblem[];
};

const ZStoredTrustxSchema = z.object({ instance: z.unknown(), userData: z.unknown().optional() });

// TrustX names biographic fields in words ("Date of Birth"); other tenants' configurations spell them
// differently, so names are matched on their letters.
const FIELD_KEYS: Record<string, TComparedField> = {
  firstname: "firstName", givenname: "firstName", givennames: "firstName", forename: "firstName",
  lastname: "lastName", surname: "lastName", familyname: "lastName",
  dateofbirth: "dateOfBirth", birthdate: "dateOfBirth", dob: "dateOfBirth",
  documentnumber: "documentNumber", docnumber: "documentNumber", passportnumber: "documentNumber",
  nationality: "nationality",
};
const fieldKey = (fieldName: string): TComparedField | undefined => FIELD_KEYS[fieldName.toLowerCase().replace(/[^a-z]/g, "")];

// The visual zone is what is printed for people (accents, dates as written); the MRZ is its ASCII
// transliteration, a fallback when the visual zone was not read.
const ZONE_ORDER = ["visualZoneValue", "mrzValue"];
const ZONE_LABELS: Record<string, string> = { visualZoneValue: "Visual zone", mrzValue: "MRZ" };
export const zoneLabel = (zone: string) => ZONE_LABELS[zone] ?? zone;

function readDocuments(userData: z.output<typeof ZUserDataSchema>): TTrustxDocument[] {
  return Object.entries(userData.documents)
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([key, d]) => ({
      key,
      documentType: d.documentType ?? null,
      countryCode: d.countryCode ?? null,
      fields: d.biographicData.map((f): TBiographicField => {
        const values = Object.entries(f.values)
          .filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== "")
          .sort(([a], [b]) => (ZONE_ORDER.indexOf(a) + 1 || 99) - (ZONE_ORDER.indexOf(b) + 1 || 99))
          .map(([zone, value]) => ({ zone, value }));
        return { fieldName: f.fieldName, value: values[0]?.value ?? null, values };
      }),
    }));
}

/** The first document that has a value for each compared field. */
function factsOf(documents: TTrustxDocument[]): TDocumentFacts {
  const facts: TDocumentFacts = {};
  for (const doc of documents) {
    for (const field of doc.fields) {
      const key = fieldKey(field.fieldName);
      if (key && field.value && !facts[key]) facts[key] = field.value;
    }
  }
  return facts;
}

export function readTrustx(raw: unknown): TTrustxView {
  const view: TTrustxView = { instance: null, userData: "none", document: {}, problems: [] };
  const stored = ZStoredTrustxSchema.safeParse(raw);
  if (!stored.success) {
    view.problems.push(problemOf("the stored TrustX record", stored.error));
    return view;
  }
  const instance = ZProcessInstanceWithParametersSchema.safeParse(stored.data.instance);
  if (instance.success) {
    const i = instance.data;
    view.instance = {
      status: i.status,
      statusLabel: i.statusMapped ?? TRUSTX_STATUS_LABELS[i.status] ?? null,
      definition: { id: i.processDefnId ?? null, name: i.processDefnName ?? null, version: i.processDefnVersion ?? null },
      applicant: { firstName: i.firstName ?? null, lastName: i.lastName ?? null },
      createdAt: i.createdAt,
      elapsedMs: i.elapsedMilliseconds ?? null,
      tokenId: i.processTokenId ?? null,
      tokenParameters: i.processTokenParameters ?? null,
    };
  } else {
    view.problems.push(problemOf("the process instance (status, definition, applicant, token parameters)", instance.error));
  }
  if (stored.data.userData != null) {
    const userData = ZUserDataSchema.safeParse(stored.data.userData);
    if (userData.success) {
      const documents = readDocuments(userData.data);
      view.userData = { documents, customData: userData.data.customData ?? null };
      view.document = factsOf(documents);
    } else {
      view.userData = "unreadable";
      view.problems.push(problemOf("the captured user data (documents, biographic fields)", userData.error));
    }
  }
  return view;
}
