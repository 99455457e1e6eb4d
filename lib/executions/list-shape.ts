import type { TListShape } from "@/lib/list/query-string";

// The executions list's vocabulary and URL shape without zod, for the browser (see lib/profiles/list-shape.ts).

export const PROVIDERS = ["JUMIO", "TRUSTX"] as const;
export const PROVIDER_LABELS: Record<(typeof PROVIDERS)[number], string> = { JUMIO: "Jumio", TRUSTX: "TrustX" };

export const EXECUTION_COLUMNS = [
  "provider", "id", "status", "decision", "riskScore", "definition", "person", "profile", "created", "completed", "feedback", "wiped",
] as const;
export type TExecutionColumn = (typeof EXECUTION_COLUMNS)[number];

export const EXECUTION_COLUMN_LABELS: Record<TExecutionColumn, string> = {
  provider: "Provider",
  id: "Execution id",
  status: "Status",
  decision: "Decision",
  riskScore: "Risk",
  definition: "Definition",
  person: "Person",
  profile: "Profile",
  created: "Created",
  completed: "Completed",
  feedback: "Fraud feedback",
  wiped: "Wiped",
};

/** Jumio's risk bands (contract §2.4: PASSED 0–30, WARNING 31–70, REJECTED 71–100); TrustX has no score. */
export const RISK_BANDS = { LOW: [0, 30], MEDIUM: [31, 70], HIGH: [71, 100], NONE: null } as const;
export type TRiskBand = keyof typeof RISK_BANDS;
export const RISK_BAND_LABELS: Record<TRiskBand, string> = { LOW: "Low (0–30)", MEDIUM: "Medium (31–70)", HIGH: "High (71–100)", NONE: "No score" };

export const EXECUTION_DEFAULT_COLUMNS: TExecutionColumn[] = ["provider", "id", "status", "decision", "riskScore", "definition", "person", "profile", "created", "completed"];
export const EXECUTION_PAGE_SIZES = [25, 50, 100] as const;

export const EXECUTION_LIST_SHAPE: TListShape = {
  defaultSort: "created",
  defaultDir: "desc",
  defaultSize: 50,
  defaultColumns: EXECUTION_DEFAULT_COLUMNS,
  filterKinds: {
    provider: "multi", status: "multi", decision: "multi", risk: "multi", definition: "multi", feedback: "multi", linked: "bool", wiped: "bool",
    createdFrom: "date", createdTo: "date",
  },
};
