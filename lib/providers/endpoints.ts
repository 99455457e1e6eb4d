import { z } from "zod";

// Where the provider contract had to decide (docs/provider-contract.md, [decided]), the path or parameter
// is a setting: one table per provider, read by lib/env.ts (validation and defaults), by the clients (the
// URLs they build), by the connection check (what it reports) and by a test that holds README's table to
// it. The defaults are the contract, so nothing changes unless an installation sets a variable.

type THttpMethod = "GET" | "POST" | "PUT" | "DELETE";

type TSetting<E extends string, S extends z.ZodType> = {
  env: E;
  /** As an operator would type it (README shows it). */
  default: string;
  ref: string;
  meaning: string;
  schema: S;
};

export type TPathSetting<E extends string = string> = TSetting<E, z.ZodType<string>> & {
  method: THttpMethod;
  placeholders: readonly string[];
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The problems with a path template, in words an operator can act on (empty when it is fine). */
export function pathProblems(value: string, placeholders: readonly string[]): string[] {
  const problems: string[] = [];
  if (!value.startsWith("/")) problems.push('must start with "/"');
  if (/[?#\s]/.test(value)) problems.push('must not contain "?", "#" or spaces (the app adds the query parameters itself)');
  if (/\/\//.test(value)) problems.push('must not contain "//"');
  const found = [...value.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
  for (const name of placeholders) {
    const count = found.filter((f) => f === name).length;
    if (count !== 1) problems.push(`must contain {${name}} exactly once (it has it ${count} times)`);
  }
  for (const name of new Set(found.filter((f) => !placeholders.includes(f)))) {
    problems.push(`has the unknown placeholder {${name}}; ${placeholders.length ? `allowed: ${placeholders.map((p) => `{${p}}`).join(", ")}` : "this path takes none"}`);
  }
  if (value.replace(PLACEHOLDER, "").match(/[{}]/)) problems.push("has an unmatched { or }");
  return problems;
}

function path<E extends string>(
  env: E,
  ref: string,
  method: THttpMethod,
  template: string,
  placeholders: readonly string[],
  meaning: string,
): TPathSetting<E> {
  const schema = z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problems = pathProblems(value, placeholders);
      if (problems.length) ctx.addIssue({ code: "custom", message: `${problems.join("; ")} (the contract's is ${template})` });
    })
    .default(template);
  return { env, default: template, ref, meaning, method, placeholders, schema };
}

function value<E extends string, S extends z.ZodType>(env: E, ref: string, schema: S, fallback: string, meaning: string): TSetting<E, S> {
  return { env, default: fallback, ref, meaning, schema };
}

const ZFieldNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "must be a JSON field or query parameter name (letters, digits, _)");

const EXECUTION = "/accounts/{accountId}/workflow-executions/{executionId}";
const EXECUTION_IDS = ["accountId", "executionId"] as const;

export const TRULIOO_SETTINGS = {
  workflowsPath: path("TRULIOO_WORKFLOWS_PATH", "E1", "GET", "/v2/query/workflows", [], "Export API: one page of workflows"),
  clientsPath: path("TRULIOO_CLIENTS_PATH", "E2", "GET", "/v2/query/clients", [], "Export API: one page of end clients"),
  clientPath: path("TRULIOO_CLIENT_PATH", "E3", "GET", "/v2/query/client/{clientId}", ["clientId"], "Export API: one end client with its flow data"),
  filePath: path("TRULIOO_FILE_PATH", "E4", "GET", "/v2/query/file", [], "Export API: a file's bytes (the key goes in ?key=)"),
  afterParam: value("TRULIOO_AFTER_PARAM", "E2", ZFieldNameSchema.default("after"), "after", "E2 parameter: lastModified later than this"),
  beforeParam: value("TRULIOO_BEFORE_PARAM", "E2", ZFieldNameSchema.default("before"), "before", "E2 parameter: lastModified earlier than this"),
  timeUnit: value(
    "TRULIOO_TIME_UNIT",
    "E2",
    z.enum(["seconds", "milliseconds"]).default("seconds"),
    "seconds",
    "unit of after/before: seconds (floored, so a window is never narrower) or milliseconds",
  ),
  statusIdsField: value("TRULIOO_STATUS_IDS_FIELD", "P1", ZFieldNameSchema.default("endClientIds"), "endClientIds", "P1 body: the field that holds the ids"),
  rejectedStatus: value(
    "TRULIOO_REJECTED_STATUS",
    "P1",
    z.enum(["REJECTED", "DECLINED"]).default("REJECTED"),
    "REJECTED",
    'P1 body: the word sent for "Declined" (REJECTED or DECLINED)',
  ),
  linkPath: path("TRULIOO_LINK_PATH", "P2", "POST", "/end-clients", [], "Platform API: link two end clients"),
  unlinkPath: path("TRULIOO_UNLINK_PATH", "P3", "DELETE", "/end-clients", [], "Platform API: unlink two end clients"),
  signedUrlPath: path("TRULIOO_SIGNED_URL_PATH", "P4", "GET", "/signed-url/{flowId}", ["flowId"], "Platform API: a signed session URL for a flow"),
} as const;

export const JUMIO_SETTINGS = {
  executionsPath: path("JUMIO_EXECUTIONS_PATH", "J1", "GET", "/workflow-executions", [], "one page of workflow executions (under /api/v1)"),
  pageBase: value("JUMIO_PAGE_BASE", "J1", z.coerce.number().int().min(0).max(1).default(1), "1", "J1: number of the first page (0 or 1)"),
  pageSizeMax: value("JUMIO_PAGE_SIZE_MAX", "J1", z.coerce.number().int().min(1).max(1000).default(100), "100", "J1: the largest page size Jumio sends"),
  rulesPath: path("JUMIO_RULES_PATH", "J5", "GET", `${EXECUTION}/rules`, EXECUTION_IDS, "an execution's rules"),
  pdfPath: path("JUMIO_PDF_PATH", "J7", "GET", `${EXECUTION}/pdf`, EXECUTION_IDS, "an execution's transaction PDF link"),
  pdfUrlField: value("JUMIO_PDF_URL_FIELD", "J7", ZFieldNameSchema.default("presignedUrl"), "presignedUrl", "J7 answer: the field that holds the PDF's URL"),
  feedbackPath: path("JUMIO_FEEDBACK_PATH", "J10", "PUT", `${EXECUTION}/feedback`, EXECUTION_IDS, "an execution's fraud feedback"),
} as const;

const INSTANCES = "/api/process-manager/processInstances";

export const TRUSTX_SETTINGS = {
  instancePath: path("TRUSTX_INSTANCE_PATH", "X3", "GET", `${INSTANCES}/{instanceId}`, ["instanceId"], "one process instance"),
  instanceWithParametersPath: path(
    "TRUSTX_INSTANCE_PARAMETERS_PATH",
    "X4",
    "GET",
    `${INSTANCES}/{instanceId}/withParameters`,
    ["instanceId"],
    "one process instance with its token's parameters",
  ),
  instancesPath: path("TRUSTX_INSTANCES_PATH", "X5", "GET", INSTANCES, [], "one page of process instances"),
  searchPath: path("TRUSTX_SEARCH_PATH", "X6", "GET", `${INSTANCES}/search`, [], "one page of a process instance search"),
  userDataPath: path(
    "TRUSTX_USERDATA_PATH",
    "X7",
    "GET",
    "/api/userdata-server/processDefinitions/{processDefnId}/processInstances/{instanceId}/userdata",
    ["processDefnId", "instanceId"],
    "the user data captured in an instance",
  ),
  sortField: value("TRUSTX_SORT_FIELD", "X5, X6", ZFieldNameSchema.default("createdAt"), "createdAt", "sort field for creation time (createdAt or createdDtm)"),
  pageBase: value("TRUSTX_PAGE_BASE", "X5, X6", z.coerce.number().int().min(0).max(1).default(0), "0", "number of the first Spring page (0 or 1)"),
} as const;

// Paths the vendors document [doc]: not settings, but the clients and the check read them from here too.
export const TRULIOO_PATHS = { token: "/connect/token" } as const;
export const JUMIO_PATHS = {
  token: "/oauth2/token",
  api: "/api/v1",
  execution: EXECUTION,
  status: `${EXECUTION}/status`,
  steps: `${EXECUTION}/steps`,
  part: "/accounts/{accountId}/credentials/{credentialId}/parts/{classifier}",
  account: "/accounts/{accountId}",
} as const;
export const TRUSTX_PATHS = {
  token: "/api/arthr/apiKeys/issue",
  processTokens: "/api/process-manager/processTokens",
  createInstance: `${INSTANCES}/create`,
} as const;

type TAnySetting = { env: string; schema: z.ZodType };
type TTable = Record<string, TAnySetting>;
type TEnvShape<T extends TTable> = { [K in keyof T as T[K]["env"]]: T[K]["schema"] };
export type TSettingsOf<T extends TTable> = { [K in keyof T]: z.output<T[K]["schema"]> };
export type TTruliooEndpoints = TSettingsOf<typeof TRULIOO_SETTINGS>;
export type TJumioEndpoints = TSettingsOf<typeof JUMIO_SETTINGS>;
export type TTrustxEndpoints = TSettingsOf<typeof TRUSTX_SETTINGS>;

function envShapeOf<T extends TTable>(table: T): TEnvShape<T> {
  return Object.fromEntries(Object.values(table).map((s) => [s.env, s.schema])) as TEnvShape<T>;
}

/** The variables of every table, for lib/env.ts. */
export const ENDPOINT_ENV = { ...envShapeOf(TRULIOO_SETTINGS), ...envShapeOf(JUMIO_SETTINGS), ...envShapeOf(TRUSTX_SETTINGS) };

export const ENDPOINT_TABLES = { trulioo: TRULIOO_SETTINGS, jumio: JUMIO_SETTINGS, trustx: TRUSTX_SETTINGS } as const;

/** A provider's settings from already validated variables (unset ones take the contract's default). */
export function settingsFrom<T extends TTable>(table: T, env: Record<string, unknown>): TSettingsOf<T> {
  return Object.fromEntries(Object.entries(table).map(([key, s]) => [key, s.schema.parse(env[s.env])])) as TSettingsOf<T>;
}

/** A path template with its placeholders filled in, each value percent-encoded as one segment. */
export function fillPath(template: string, values: Record<string, string> = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(v);
  });
}

/** The contract's settings, for a client whose config names none. */
export const DEFAULT_ENDPOINTS = {
  trulioo: settingsFrom(TRULIOO_SETTINGS, {}),
  jumio: settingsFrom(JUMIO_SETTINGS, {}),
  trustx: settingsFrom(TRUSTX_SETTINGS, {}),
};
