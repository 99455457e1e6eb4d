/**
 * What the sandbox holds, read over plain `fetch` with tokens and paging loops of our own, written from
 * docs/provider-contract.md. Nothing here imports the app's clients, schemas or mappers: a mapping bug
 * in the app must not cancel out against the same bug in the reference.
 */

type Json = Record<string, unknown>;
type Env = Record<string, string>;

export type TUpstream = {
  workflows: Json[];
  /** E3 with full service details, by client id, as received. */
  profiles: Map<string, Json>;
  /** J2 record, J4 steps and J5 rules (null when 404), by execution id. */
  jumio: Map<string, { record: Json; steps: Json[] | null; rules: Json[] | null }>;
  /** X4 instance and X7 user data (null when 404), by instance id. */
  trustx: Map<string, { instance: Json; userData: Json | null }>;
};

const UA = "ComplianceDeskTruth/1.0";

async function call(url: string, init: RequestInit = {}, allow404 = false): Promise<Json | null> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await fetch(url, { ...init, redirect: "manual" });
    if (res.status === 404 && allow404) return null;
    // The reference is read without faults; a 5xx or 429 here would be the sandbox misbehaving, retried briefly anyway.
    if ((res.status === 429 || res.status >= 500) && attempt < 5) {
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
      continue;
    }
    if (!res.ok) throw new Error(`truth read ${init.method ?? "GET"} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Json;
  }
}

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

/** §0.3: `last` ends a Trulioo/TrustX page walk; a page without it ends at `totalPages` or on an empty page. */
function isLastPage(page: Json, index: number, items: unknown[]): boolean {
  if (typeof page.last === "boolean") return page.last;
  if (items.length === 0) return true;
  return typeof page.totalPages === "number" ? index + 1 >= page.totalPages : false;
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export async function truliooToken(env: Env): Promise<string> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    scope: "workflow.studio.api",
    client_id: env.TRULIOO_CLIENT_ID!,
    client_secret: env.TRULIOO_CLIENT_SECRET!,
  });
  const res = await call(`${env.TRULIOO_AUTH_URL}/connect/token`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  return String(res!.access_token ?? res!.Token);
}

async function readTrulioo(env: Env) {
  const headers = { authorization: `Bearer ${await truliooToken(env)}` };
  const base = env.TRULIOO_EXPORT_URL!;
  const walk = async (path: string) => {
    const byId = new Map<string, Json>();
    for (let page = 0; page < 100_000; page += 1) {
      const res = (await call(`${base}${path}?page=${page}&limit=50`, { headers }))!;
      const data = list(res.data);
      for (const item of data) byId.set(String(item.id), item);
      if (isLastPage(res, page, data)) break;
    }
    return [...byId.values()];
  };
  const workflows = await walk("/v2/query/workflows");
  const summaries = await walk("/v2/query/clients");
  const details = await pool(summaries, 8, (s) =>
    call(`${base}/v2/query/client/${encodeURIComponent(String(s.id))}?includeFullServiceDetails=true`, { headers }),
  );
  return { workflows, profiles: new Map(details.map((d) => [String(d!.id), d!])) };
}

async function readJumio(env: Env) {
  const basic = Buffer.from(`${env.JUMIO_CLIENT_ID}:${env.JUMIO_CLIENT_SECRET}`).toString("base64");
  const token = await call(`${env.JUMIO_AUTH_URL}/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials" }),
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", "user-agent": UA },
  });
  const headers = { authorization: `Bearer ${String(token!.access_token)}`, accept: "application/json", "user-agent": UA };
  const api = `${env.JUMIO_RETRIEVAL_URL}/api/v1`;
  const items = new Map<string, Json>();
  const size = 100;
  // §0.3: 1-based pages; fewer than `size` items ends the list.
  for (let page = 1; page < 100_000; page += 1) {
    const res = (await call(`${api}/workflow-executions?page=${page}&size=${size}`, { headers }))!;
    const batch = list(res.workflowExecutions);
    for (const item of batch) items.set(String(item.id), item);
    if (batch.length < size) break;
  }
  const read = await pool([...items.values()], 8, async (item) => {
    const path = `${api}/accounts/${(item.account as Json).id}/workflow-executions/${item.id}`;
    const [record, steps, rules] = await Promise.all([
      call(path, { headers }),
      call(`${path}/steps`, { headers }, true),
      call(`${path}/rules`, { headers }, true),
    ]);
    return [String(item.id), { record: record!, steps: steps ? list(steps.steps) : null, rules: rules ? list(rules.executions) : null }] as const;
  });
  return new Map(read);
}

export async function trustxToken(env: Env): Promise<string> {
  const token = await call(`${env.TRUSTX_BASE_URL}/api/arthr/apiKeys/issue`, {
    method: "POST",
    body: "{}",
    headers: { "x-api-key": env.TRUSTX_API_KEY!, "content-type": "application/json" },
  });
  return String(token!.token);
}

async function readTrustx(env: Env) {
  const base = env.TRUSTX_BASE_URL!;
  const headers = { authorization: `Bearer ${await trustxToken(env)}` };
  const pm = `${base}/api/process-manager`;
  const ids = new Set<string>();
  for (let page = 0; page < 100_000; page += 1) {
    const res = (await call(`${pm}/processInstances?page=${page}&size=100&sort=createdAt,asc`, { headers }))!;
    const content = list(res.content);
    for (const item of content) ids.add(String(item.id));
    if (isLastPage(res, page, content)) break;
  }
  const read = await pool([...ids], 8, async (id) => {
    const instance = (await call(`${pm}/processInstances/${id}/withParameters`, { headers }))!;
    const defn = instance.processDefnId;
    const userData = defn
      ? await call(`${base}/api/userdata-server/processDefinitions/${defn}/processInstances/${id}/userdata`, { headers }, true)
      : null;
    return [id, { instance, userData }] as const;
  });
  return new Map(read);
}

/** Everything the three providers hold now. Run it with faults cleared: it is the reference, not a subject. */
export async function readUpstreamRaw(env: Env): Promise<TUpstream> {
  const [trulioo, jumio, trustx] = await Promise.all([readTrulioo(env), readJumio(env), readTrustx(env)]);
  return { workflows: trulioo.workflows, profiles: trulioo.profiles, jumio, trustx };
}
