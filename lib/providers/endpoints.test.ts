import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseProviderEnv } from "@/lib/env";
import { providerConfigsFrom } from "./config";
import { ENDPOINT_TABLES, fillPath, pathProblems } from "./endpoints";
import { JumioClient } from "./jumio/client";
import { TruliooClient } from "./trulioo/client";
import { TrustxClient } from "./trustx/client";

const CREDENTIALS = {
  TRULIOO_CLIENT_ID: "id",
  TRULIOO_CLIENT_SECRET: "secret",
  TRULIOO_EXPORT_URL: "http://export.test/wfs/export",
  TRULIOO_PLATFORM_URL: "http://platform.test/wfs/interpreter-v2",
  TRULIOO_AUTH_URL: "http://auth.test",
  JUMIO_CLIENT_ID: "id",
  JUMIO_CLIENT_SECRET: "secret",
  JUMIO_AUTH_URL: "http://jauth.test",
  JUMIO_RETRIEVAL_URL: "http://retrieval.test",
  TRUSTX_BASE_URL: "http://trustx.test",
  TRUSTX_API_KEY: "key",
  PROVIDER_MAX_ATTEMPTS: "1",
};

const configs = (vars: Record<string, string> = {}) => providerConfigsFrom(parseProviderEnv({ ...CREDENTIALS, ...vars }));

/** A fetch that issues tokens and records every data request, answering each with `body`. */
function recording(body: unknown) {
  const calls: { url: URL; method: string; body: unknown }[] = [];
  const fetchImpl = (async (input: string, init: RequestInit) => {
    const url = new URL(input);
    const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });
    if (/token|apiKeys/.test(url.pathname)) return json({ access_token: "t", token: "t", expires_in: 3600 });
    calls.push({ url, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : undefined });
    return json(body);
  }) as unknown as typeof fetch;
  return { calls, fetch: fetchImpl, sleep: async () => undefined };
}

describe("provider path and parameter variables (lib/env.ts)", () => {
  it("default to the contract when unset or empty", () => {
    const { trulioo, jumio, trustx } = configs({ TRULIOO_CLIENT_PATH: "" });
    expect(trulioo!.endpoints).toMatchObject({ clientPath: "/v2/query/client/{clientId}", afterParam: "after", timeUnit: "seconds", rejectedStatus: "REJECTED", statusIdsField: "endClientIds" });
    expect(jumio!.endpoints).toMatchObject({ executionsPath: "/workflow-executions", pageBase: 1, pageSizeMax: 100, pdfUrlField: "presignedUrl" });
    expect(trustx!.endpoints).toMatchObject({ userDataPath: "/api/userdata-server/processDefinitions/{processDefnId}/processInstances/{instanceId}/userdata", sortField: "createdAt", pageBase: 0 });
    for (const table of Object.values(ENDPOINT_TABLES)) for (const setting of Object.values(table)) expect(setting.schema.parse(undefined)).toEqual(setting.schema.parse(setting.default));
  });

  it("are used by the Trulioo client: paths, the time bounds' names and unit, and P1's body", async () => {
    const env = configs({
      TRULIOO_CLIENT_PATH: "/v3/end-client/{clientId}/detail",
      TRULIOO_CLIENTS_PATH: "/v3/end-clients",
      TRULIOO_AFTER_PARAM: "modifiedAfter",
      TRULIOO_TIME_UNIT: "milliseconds",
      TRULIOO_STATUS_IDS_FIELD: "ids",
      TRULIOO_REJECTED_STATUS: "DECLINED",
    });
    const fake = recording({ totalElements: 0, totalPages: 0, number: 0, numberOfElements: 0, first: true, last: true, data: [], message: "ok", code: 0 });
    const client = new TruliooClient(env.trulioo!, fake);
    await client.listClients({ after: new Date(1_700_000_000_123) });
    await client.getClient("a/b").catch(() => undefined);
    await client.updateStatuses(["c1"], "REJECTED");
    expect(fake.calls[0]!.url.pathname).toBe("/wfs/export/v3/end-clients");
    expect(fake.calls[0]!.url.searchParams.get("modifiedAfter")).toBe("1700000000123");
    expect(fake.calls[0]!.url.searchParams.has("after")).toBe(false);
    expect(fake.calls[1]!.url.pathname).toBe("/wfs/export/v3/end-client/a%2Fb/detail");
    expect(fake.calls[2]!.body).toEqual({ ids: ["c1"], status: "DECLINED" });
  });

  it("are used by the Jumio client: J1's path and first page, J5's path", async () => {
    const env = configs({ JUMIO_EXECUTIONS_PATH: "/executions", JUMIO_PAGE_BASE: "0", JUMIO_RULES_PATH: "/rules/{executionId}/of/{accountId}" });
    const fake = recording({ workflowExecutions: [], executions: [] });
    const client = new JumioClient(env.jumio!, fake);
    for await (const page of client.executions(500)) expect(page).toEqual([]);
    await client.getRules("acc", "exe");
    expect(fake.calls[0]!.url.pathname).toBe("/api/v1/executions");
    expect(Object.fromEntries(fake.calls[0]!.url.searchParams)).toEqual({ page: "0", size: "100" });
    expect(fake.calls[1]!.url.pathname).toBe("/api/v1/rules/exe/of/acc");
  });

  it("are used by the TrustX client: the sort field and the Spring page base", async () => {
    const env = configs({ TRUSTX_SORT_FIELD: "createdDtm", TRUSTX_PAGE_BASE: "1", TRUSTX_SEARCH_PATH: "/api/pm/search" });
    const fake = recording({ content: [], number: 1, size: 100, totalElements: 0, totalPages: 0, last: true });
    const client = new TrustxClient(env.trustx!, fake);
    await client.searchInstances({}, 0);
    await client.listInstances(0, 10);
    expect(fake.calls[0]!.url.pathname).toBe("/api/pm/search");
    expect(fake.calls[0]!.url.searchParams.get("sort")).toBe("createdDtm,asc");
    expect(fake.calls[0]!.url.searchParams.get("page")).toBe("1");
    expect(fake.calls[1]!.url.searchParams.get("sort")).toBe("createdDtm,desc");
  });

  it("page TrustX from the configured base to the end when the envelope has no `last`", async () => {
    const env = configs({ TRUSTX_PAGE_BASE: "1" });
    const instance = (i: number) => ({ id: `I${i}`, createdAt: "2026-01-01T00:00:00Z", status: "ACTIVE" });
    const asked: string[] = [];
    const fetchImpl = (async (input: string) => {
      const url = new URL(input);
      const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });
      if (url.pathname.endsWith("/issue")) return json({ token: "t" });
      const page = Number(url.searchParams.get("page"));
      asked.push(String(page));
      // Spring numbering from 1: pages 1 and 2 of 2, full pages, no `last`.
      return json({ content: [instance(page * 2), instance(page * 2 + 1)], number: page, size: 2, totalPages: 2, totalElements: 4 });
    }) as unknown as typeof fetch;
    const client = new TrustxClient(env.trustx!, { fetch: fetchImpl, sleep: async () => undefined });
    const ids: string[] = [];
    for await (const page of client.instances({ size: 2 })) ids.push(...page.map((i) => i.id));
    expect(asked).toEqual(["1", "2"]);
    expect(ids).toEqual(["I2", "I3", "I4", "I5"]);
  });

  it("stop the start with the variable's name and what is wrong", () => {
    const bad = (vars: Record<string, string>) => () => parseProviderEnv({ ...CREDENTIALS, ...vars });
    expect(bad({ TRULIOO_CLIENT_PATH: "/v2/query/client" })).toThrow(/TRULIOO_CLIENT_PATH: must contain \{clientId\} exactly once/);
    expect(bad({ TRULIOO_CLIENT_PATH: "v2/query/client/{clientId}" })).toThrow(/TRULIOO_CLIENT_PATH: must start with "\/"/);
    expect(bad({ JUMIO_RULES_PATH: "/accounts/{accountId}/{executionId}/rules/{ruleId}" })).toThrow(/JUMIO_RULES_PATH: has the unknown placeholder \{ruleId\}/);
    expect(bad({ TRULIOO_WORKFLOWS_PATH: "/v2/query/workflows?limit=5" })).toThrow(/TRULIOO_WORKFLOWS_PATH: must not contain "\?"/);
    expect(bad({ JUMIO_PAGE_BASE: "2" })).toThrow(/JUMIO_PAGE_BASE:/);
    expect(bad({ TRULIOO_TIME_UNIT: "minutes" })).toThrow(/TRULIOO_TIME_UNIT:/);
    expect(bad({ TRUSTX_SORT_FIELD: "createdAt,desc" })).toThrow(/TRUSTX_SORT_FIELD: must be a JSON field or query parameter name/);
    // Every problem at once, so one restart fixes them all.
    expect(bad({ TRULIOO_CLIENT_PATH: "x", TRUSTX_INSTANCE_PATH: "/i/{instanceId}/{instanceId}" })).toThrow(/TRULIOO_CLIENT_PATH[\s\S]*TRUSTX_INSTANCE_PATH: must contain \{instanceId\} exactly once \(it has it 2 times\)/);
  });

  it("check templates and fill them one encoded segment per placeholder", () => {
    expect(pathProblems("/a/{x}/b", ["x"])).toEqual([]);
    expect(pathProblems("/a/{x}}/b", ["x"])).toEqual(["has an unmatched { or }"]);
    expect(pathProblems("/a//b", [])).toEqual(['must not contain "//"']);
    expect(fillPath("/a/{x}/b/{y}", { x: "1 2", y: "é/?" })).toBe("/a/1%202/b/%C3%A9%2F%3F");
    expect(() => fillPath("/a/{x}", {})).toThrow(/no value for \{x\}/);
  });
});

describe("README's tables of these variables", () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.split("\n## Connecting to the real services\n")[1]?.split("\n## ")[0] ?? "";
  const rows = new Map([...section.matchAll(/^\| `([A-Z_]+)` \| `([^`]*)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, { default: m[2]!, ref: m[3]!.trim() }]));

  it("list every variable of the tables once, with its default and contract reference", () => {
    const settings = Object.values(ENDPOINT_TABLES).flatMap((table) => Object.values(table));
    expect([...rows.keys()].sort()).toEqual(settings.map((s) => s.env).sort());
    for (const s of settings) expect(rows.get(s.env), s.env).toEqual({ default: s.default, ref: s.ref });
  });
});
