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

export const EXECUTION_DEFAULT_COLUMNS: TExecutionColumn[] = ["provider", "id", "status", "decision", "riskScore", "definition", "person", "profile", "created", "completed"];
export const EXECUTION_PAGE_SIZES = [25, 50, 100] as const;

export const EXECUTION_LIST_SHAPE: TListShape = {
  defaultSort: "created",
  defaultDir: "desc",
  defaultSize: 50,
  defaultColumns: EXECUTION_DEFAULT_COLUMNS,
  filterKinds: {
    provider: "multi", status: "multi", decision: "multi", definition: "multi", feedback: "multi", linked: "bool", wiped: "bool",
    createdFrom: "date", createdTo: "date",
  },
};
