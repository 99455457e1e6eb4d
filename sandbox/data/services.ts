// Service results (serviceData entries), shared by the generator and the live flow engine.
import type { Person } from "./person";
import type { Rng } from "./prng";
import type { ServiceRecord, ServiceStatus } from "./truliooTypes";
import type { ServiceDef } from "./workflows";

export interface ServiceInput {
  rng: Rng;
  service: ServiceDef;
  nodeId: string;
  status: ServiceStatus;
  match: boolean;
  timestampMs: number;
  countryCode: string;
  person?: Person;
  companyName?: string;
  registrationNumber?: string;
  /** A Jumio execution id when Jumio ran the document check. */
  transactionRecordId?: string;
}

const NAPI_FIELDS = ["FirstGivenName", "FirstSurName", "DayOfBirth", "MonthOfBirth", "YearOfBirth", "StreetName", "City", "PostalCode"];

function fullDetails(input: ServiceInput, transactionId: string, recordId: string): Record<string, unknown> {
  const { rng, service, status, match } = input;
  if (status === "TIMEOUT" || status === "ERROR") {
    return { error: status === "TIMEOUT" ? "Service did not answer in time" : "Upstream datasource error", retryable: status === "TIMEOUT" };
  }
  if (status === "PENDING") return {};
  switch (service.nodeType) {
    case "trulioo_person_match":
      return {
        TransactionID: transactionId,
        CountryCode: input.countryCode,
        ProductName: "Identity Verification",
        Record: {
          TransactionRecordID: recordId,
          RecordStatus: match ? "match" : "nomatch",
          DatasourceResults: ["Credit Agency", "Telco", "Government Registry"].map((name) => ({
            DatasourceName: name,
            DatasourceFields: NAPI_FIELDS.map((field) => ({ FieldName: field, Status: match || rng.chance(0.5) ? "match" : "nomatch" })),
          })),
        },
      };
    case "trulioo_doc_v":
      return {
        DocumentType: input.person?.documentType ?? "PASSPORT",
        DocumentCountry: input.person?.nationality ?? input.countryCode,
        DocumentNumber: input.person?.documentNumber,
        FirstName: input.person?.firstName,
        LastName: input.person?.lastName,
        Authenticity: match ? "PASSED" : "FAILED",
        FaceMatch: match ? rng.int(85, 99) : rng.int(10, 60),
        JumioWorkflowExecutionId: input.transactionRecordId ?? null,
      };
    case "trulioo_watchlist":
      return {
        ListsChecked: ["OFAC SDN", "UN Consolidated", "EU Sanctions", "PEP"],
        Hits: match ? [] : [{ list: "PEP", name: input.person?.fullName ?? "", score: rng.int(70, 95) }],
      };
    case "trulioo_kyb_search":
      return {
        BusinessName: input.companyName ?? "",
        BusinessRegistrationNumber: input.registrationNumber ?? "",
        JurisdictionOfIncorporation: input.countryCode,
        Status: match ? "Active" : "Not found",
      };
    default:
      return {};
  }
}

export function serviceRecord(input: ServiceInput): ServiceRecord {
  const { rng } = input;
  const transactionId = rng.uuid();
  const recordId = input.transactionRecordId ?? `TR${rng.hex(11).toUpperCase()}`;
  return {
    timestamp: Math.floor(input.timestampMs / 1000),
    serviceStatus: input.status,
    nodeId: input.nodeId,
    nodeTitle: input.service.title,
    nodeType: input.service.nodeType,
    match: input.status === "COMPLETED" ? input.match : false,
    secondaryMatch: input.status === "COMPLETED" && rng.chance(0.3) ? rng.chance(0.7) : null,
    transactionInfo: {
      accountName: "Compliance Desk Sandbox",
      accountIdentifier: "CD-SANDBOX-001",
      countryCode: input.countryCode,
      date: new Date(input.timestampMs).toISOString(),
      shareableToken: rng.hex(16),
      transactionId,
      transactionRecordId: recordId,
      userName: "workflow-studio",
    },
    fullServiceDetails: fullDetails(input, transactionId, recordId),
  };
}
