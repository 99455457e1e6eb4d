import { createHash } from "node:crypto";
import type pg from "pg";
import { copyRows, type TCopyValue } from "../../lib/db/copy";

// A synthetic world of profiles with flows, services, files, links and executions in realistic shares,
// written by COPY. The list benchmark fills 1,000,000 profiles with it; the browser journeys seed a
// small, known world with it (names with accents, one workflow of their own).

export type TWorldOptions = {
  count: number;
  seed: number;
  /** Workflows to spread profiles over; the first is the most common. */
  workflows: { id: string; name: string }[];
  /** Names used in turn before random ones (the journeys search for these). */
  names?: string[];
  /** Status shares; the default is a realistic review queue. */
  statuses?: [string, number][];
  /** Share of profiles with Jumio / TrustX executions. */
  jumioShare?: number;
  trustxShare?: number;
  batch?: number;
  onProgress?: (done: number) => void;
};

const STATUSES: [string, number][] = [
  ["PENDING_REVIEW", 0.22], ["COMPLETED", 0.12], ["ACCEPTED", 0.34], ["REJECTED", 0.08],
  ["IN_PROGRESS", 0.12], ["NOT_STARTED", 0.07], ["ABANDONED", 0.05],
];
const FIRST = ["Zoë", "Jürgen", "Søren", "Łukasz", "Hélène", "Anaïs", "Nguyễn", "Maria", "John", "Ana", "Björn", "Chloé", "Ibrahim", "Mei", "Olga", "Pedro"];
const LAST = ["Müller", "Ångström", "Nowak", "Dubois", "Schäfer", "García", "Smith", "Kowalski", "Öztürk", "Rossi", "Tanaka", "Ivanova", "Silva", "Brown"];
const COUNTRIES = ["DE", "FR", "PL", "US", "GB", "ES", "IT", "SE", "VN", "BR", "JP", "TR", "CA", "NL"];
const DECISIONS = ["PASSED", "REJECTED", "WARNING", "NOT_EXECUTED"];
const NODE_TYPES = ["trulioo_person_match", "trulioo_doc_v", "trulioo_watchlist", "trulioo_kyb_search"];

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(seed: number, n: number): string {
  const h = createHash("md5").update(`${seed}:${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const PROFILE_COLUMNS = [
  "id", "status", "profile_type", "status_manually_changed", "owner_ids", "upstream_user", "created_at", "last_modified",
  "full_name", "email", "country", "date_of_birth", "raw", "content_hash", "workflow_ids", "service_outcome", "has_files",
  "link_count", "execution_count", "latest_decision", "latest_execution_at", "pii_wiped_at",
];

export async function writeWorkflows(client: pg.PoolClient, workflows: { id: string; name: string }[]): Promise<void> {
  await client.query(
    `INSERT INTO workflows (id, name, corporate, published, created_at, raw)
     SELECT id, name, false, true, now(), '{}' FROM unnest($1::text[], $2::text[]) AS t(id, name) ON CONFLICT (id) DO NOTHING`,
    [workflows.map((w) => w.id), workflows.map((w) => w.name)],
  );
}

/** Writes `count` profiles and their child rows; returns the profile ids in creation order. */
export async function writeWorld(client: pg.PoolClient, options: TWorldOptions): Promise<string[]> {
  const rnd = random(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const weighted = () => {
    const statuses = options.statuses ?? STATUSES;
    let r = rnd() * statuses.reduce((sum, [, share]) => sum + share, 0);
    for (const [status, share] of statuses) if ((r -= share) < 0) return status;
    return statuses[0]![0];
  };
  await writeWorkflows(client, options.workflows);
  const batch = options.batch ?? 20_000;
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const ids: string[] = [];
  const linkedFrom: string[] = [];
  for (let from = 0; from < options.count; from += batch) {
    const profiles: TCopyValue[][] = [];
    const flows: TCopyValue[][] = [];
    const services: TCopyValue[][] = [];
    const files: TCopyValue[][] = [];
    const links: TCopyValue[][] = [];
    const executions: TCopyValue[][] = [];
    for (let n = from; n < Math.min(options.count, from + batch); n++) {
      const id = uuidFrom(options.seed, n);
      ids.push(id);
      const name = options.names?.[n] ?? `${pick(FIRST)} ${pick(LAST)}`;
      const created = new Date(start + Math.floor(rnd() * span));
      const modified = new Date(created.getTime() + Math.floor(rnd() * 30 * 86_400_000));
      const workflowIds = [options.workflows[rnd() < 0.7 ? 0 : Math.floor(rnd() * options.workflows.length)]!.id];
      if (rnd() < 0.2 && options.workflows.length > 1) workflowIds.push(pick(options.workflows).id);
      const flowIds = [...new Set(workflowIds)].sort();
      for (const flowId of flowIds) flows.push([id, flowId, rnd() < 0.8]);
      const serviceCount = Math.floor(rnd() * 4);
      let failed = false;
      let pending = false;
      for (let s = 0; s < serviceCount; s++) {
        const status = rnd() < 0.08 ? "PENDING" : rnd() < 0.03 ? "ERROR" : "COMPLETED";
        const match = status === "COMPLETED" ? rnd() < 0.85 : null;
        failed ||= match === false || status === "ERROR";
        pending ||= status === "PENDING";
        services.push([id, flowIds[0]!, s, `node-${s}`, `Check ${s + 1}`, pick(NODE_TYPES), status, match, null, modified, null, null]);
      }
      const hasFiles = rnd() < 0.6;
      if (hasFiles) files.push([id, flowIds[0]!, "file-1", `key-${n}`, 0, false]);
      let linkCount = 0;
      if (n > 0 && rnd() < 0.05) {
        links.push([id, ids[Math.floor(rnd() * (ids.length - 1))]!, pick(["RELATES_TO", "DUPLICATE_OF", "OWNS"])]);
        linkCount = 1;
        linkedFrom.push(id);
      }
      let latest: { decision: string; at: Date } | null = null;
      let executionCount = 0;
      const [first, last] = name.split(" ");
      for (const [provider, share] of [["JUMIO", options.jumioShare ?? 0.35], ["TRUSTX", options.trustxShare ?? 0.1]] as const) {
        if (rnd() >= share) continue;
        const at = new Date(created.getTime() + Math.floor(rnd() * 86_400_000));
        const decision = pick(DECISIONS);
        executions.push([
          provider, `${provider === "JUMIO" ? "jx" : "tx"}-${id}`, provider === "JUMIO" ? `acc-${n}` : null, provider === "JUMIO" ? "10013" : "KYC",
          "PROCESSED", decision, decision, provider === "JUMIO" ? Math.floor(rnd() * 100) : null, id, id, first ?? null, last ?? null,
          at, new Date(at.getTime() + 60_000), null, null, null, { json: {} }, "h",
        ]);
        executionCount++;
        if (!latest || at > latest.at) latest = { decision, at };
      }
      const outcome = serviceCount === 0 ? "NONE" : failed ? "SOME_FAILED" : pending ? "PENDING" : "ALL_MATCHED";
      profiles.push([
        id, weighted(), rnd() < 0.1 ? "BUSINESS" : "NORMAL", rnd() < 0.2, [], id, created, modified, name,
        `${name.toLowerCase().replace(/\s+/g, ".")}.${n}@example.com`, pick(COUNTRIES), null, { json: {} }, "h", flowIds, outcome,
        hasFiles, linkCount, executionCount, latest?.decision ?? null, latest?.at ?? null, null,
      ]);
    }
    await copyRows(client, "profiles", PROFILE_COLUMNS, profiles);
    await copyRows(client, "profile_flows", ["profile_id", "flow_id", "completed"], flows);
    await copyRows(client, "service_results", ["profile_id", "flow_id", "position", "node_id", "node_title", "node_type", "service_status",
      "match", "secondary_match", "timestamp", "transaction_record_id", "transaction_info"], services);
    await copyRows(client, "profile_files", ["profile_id", "flow_id", "element_id", "file_key", "position", "enhanced"], files);
    await copyRows(client, "profile_links", ["from_id", "to_id", "type"], links);
    await copyRows(client, "executions", ["provider", "id", "account_id", "definition", "status", "decision_type", "decision_label",
      "risk_score", "customer_reference", "profile_id", "first_name", "last_name", "created_at", "completed_at", "wiped_out_at",
      "feedback_status", "feedback_reason", "raw", "content_hash"], executions);
    options.onProgress?.(Math.min(options.count, from + batch));
  }
  // The other end of each link counts it too (the sync's refresh does the same).
  await client.query(
    `UPDATE profiles p SET link_count = p.link_count + l.n FROM
       (SELECT to_id, count(*)::int AS n FROM profile_links WHERE from_id = ANY($1::uuid[]) GROUP BY to_id) l WHERE p.id = l.to_id`,
    [linkedFrom],
  );
  return ids;
}
