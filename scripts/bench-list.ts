import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase, type TEmbeddedPostgres } from "./lib/embedded-postgres";
import { run, startProcess, stopProcess, waitForHttp, type TManaged } from "./lib/processes";
import { firstLoadJs, percentile, signInCookie, timeGet } from "./lib/bench-http";
import { writeWorld } from "./lib/profile-world";

// `npm run bench:list [-- N]`: fills N profiles (default 1,000,000) with flows, services, files, links
// and executions by COPY, then times the query behind /profiles through the app's own lib functions
// and the equivalent hand-written SQL in the same run, then GET /profiles on the built app, and the
// page's first-load JS. Goals (issue 13): ratio <= 1.5 and app p95 < 100 ms per case; GET p95 < 300 ms;
// first-load JS < 250 KB gzip.
const N = Number(process.argv[2] ?? process.env.BENCH_PROFILES ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const HTTP_ITERATIONS = Number(process.env.BENCH_HTTP_ITERATIONS ?? 25);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const WORKFLOWS = [
  { id: "wf-kyc", name: "KYC Individuals" },
  { id: "wf-kyb", name: "KYB Companies" },
  { id: "wf-edd", name: "Enhanced due diligence" },
  { id: "wf-reverify", name: "Re-verification" },
];
const COLS = `p.id::text AS "id", p.full_name AS "fullName", p.email, p.status, p.profile_type AS "profileType", p.country,
  p.created_at AS "createdAt", p.last_modified AS "lastModified", p.service_outcome AS "serviceOutcome", p.link_count AS "linkCount",
  p.execution_count AS "executionCount", p.latest_decision AS "latestDecision", p.pii_wiped_at AS "piiWipedAt", p.workflow_ids AS "workflowIds"`;

const log = (line: string) => console.log(`[bench] ${line}`);
const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);

async function fill(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    // Secondary indexes are built once after the load rather than maintained row by row.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
       AND tablename IN ('profiles', 'profile_flows', 'service_results', 'profile_files', 'profile_links', 'executions')
       AND indexname NOT LIKE '%_pkey'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
    const started = performance.now();
    await client.query("BEGIN");
    await writeWorld(client, {
      count: N,
      seed: 42,
      workflows: WORKFLOWS,
      onProgress: (done) => done % 100_000 === 0 && log(`${done.toLocaleString("en")} profiles written`),
    });
    await client.query("COMMIT");
    log(`COPY of ${N.toLocaleString("en")} profiles and their rows: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const indexing = performance.now();
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const index of indexes) await client.query(index.indexdef);
    await client.query("ANALYZE");
    log(`${indexes.length} indexes built and ANALYZE: ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
  } finally {
    client.release();
    await pool.end();
  }
}

type TStats = { p50: number; p95: number };

/** Runs the candidates in turn, one call each per round, so both see the same cache and load. */
async function measure(fns: (() => Promise<unknown>)[], iterations: number): Promise<TStats[]> {
  for (let i = 0; i < 5; i++) for (const fn of fns) await fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    for (const [k, fn] of fns.entries()) {
      const start = performance.now();
      await fn();
      samples[k]!.push(performance.now() - start);
    }
  }
  return samples.map((s) => ({ p50: percentile(s, 50), p95: percentile(s, 95) }));
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "cd-bench-list-"));
  let embedded: TEmbeddedPostgres | null = null;
  let server = process.env.DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), persistent: false });
    server = embedded.urlFor("postgres");
  }
  const name = `cd_bench_list_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(server, name);
  const url = withDatabase(server, name);
  await applyMigrations(url);
  let app: TManaged | null = null;
  try {
    await fill(url);
    // The app's lib functions read DATABASE_URL on first use.
    process.env.DATABASE_URL = url;
    const { profileList } = await import("../lib/profiles/schemas");
    const { countProfiles, findProfiles } = await import("../lib/profiles/queries");
    const { encodeCursor } = await import("../lib/list/query-string");
    const sqlPool = new pg.Pool({ connectionString: url, max: 2 });
    const deep = (await sqlPool.query<{ t: Date; id: string }>(
      `SELECT last_modified AS t, id::text FROM profiles ORDER BY last_modified DESC, id DESC OFFSET ${Math.floor(N / 2)} LIMIT 1`,
    )).rows[0]!;
    const deepCursor = { dir: "after" as const, key: [deep.t.toISOString(), deep.id] };
    const params = (query: string) => profileList.parse(new URLSearchParams(query)).params;
    const cases = [
      { name: "first page", query: "", app: () => findProfiles(params("")),
        sql: () => sqlPool.query(`SELECT ${COLS} FROM profiles p ORDER BY p.last_modified DESC, p.id DESC LIMIT 51`) },
      { name: "deep page (keyset)", query: `page=${Math.floor(N / 100)}&cursor=${encodeCursor(deepCursor)}`,
        app: () => findProfiles({ ...params(""), page: Math.floor(N / 100), cursor: deepCursor }),
        sql: () => sqlPool.query(`SELECT ${COLS} FROM profiles p WHERE (p.last_modified, p.id) < ($1::timestamptz, $2::uuid)
          ORDER BY p.last_modified DESC, p.id DESC LIMIT 51`, [deep.t, deep.id]) },
      { name: "filter + sort", query: "status=PENDING_REVIEW,COMPLETED&workflow=wf-kyb&sort=name&dir=asc",
        app: () => findProfiles(params("status=PENDING_REVIEW,COMPLETED&workflow=wf-kyb&sort=name&dir=asc")),
        sql: () => sqlPool.query(`SELECT ${COLS} FROM profiles p WHERE p.status = ANY($1::text[]) AND p.workflow_ids && $2::text[]
          ORDER BY coalesce(p.full_name, '') ASC, p.id ASC LIMIT 51`, [["PENDING_REVIEW", "COMPLETED"], ["wf-kyb"]]) },
      { name: "search name fragment", query: "q=zoe+angs",
        app: () => findProfiles(params("q=zoe+angs")),
        sql: () => sqlPool.query(`SELECT ${COLS} FROM profiles p WHERE profile_search_text(p.full_name, p.email, p.id) LIKE '%zoe angs%'
          ORDER BY p.last_modified DESC, p.id DESC LIMIT 51`) },
      { name: "count (status filter)", query: "status=PENDING_REVIEW",
        app: () => countProfiles(params("status=PENDING_REVIEW")),
        sql: () => sqlPool.query(`SELECT count(*) FROM profiles p WHERE p.status = 'PENDING_REVIEW'`) },
    ];

    console.log(`\nList queries on ${N.toLocaleString("en")} profiles, ${ITERATIONS} runs each (app = lib/profiles, sql = hand-written)`);
    console.log(`${"case".padEnd(24)}${"app p50".padStart(10)}${"app p95".padStart(10)}${"sql p50".padStart(10)}${"sql p95".padStart(10)}  ratio`);
    for (const c of cases) {
      const [a, s] = (await measure([c.app, c.sql], ITERATIONS)) as [TStats, TStats];
      console.log(`${c.name.padEnd(24)}${ms(a.p50)}${ms(a.p95)}${ms(s.p50)}${ms(s.p95)}  ${(a.p95 / s.p95).toFixed(2)}`);
    }
    await sqlPool.end();

    if (!existsSync(".next/BUILD_ID")) {
      log("no build found: building the app");
      if ((await run("node_modules/.bin/next", ["build"], { env: { ...process.env, NEXTAUTH_SECRET: "bench-build-secret-0123456789" } })) !== 0) throw new Error("build failed");
    }
    const base = `http://127.0.0.1:${PORT}`;
    const env = { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1" };
    await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/seed.ts"], { env });
    app = startProcess("app", "node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], { env }, { quiet: () => true });
    await waitForHttp(`${base}/api/health`, 60_000, () => app?.child.exitCode === null);
    const { DEMO_USERS } = await import("../lib/users/demo-users");
    const manager = DEMO_USERS.find((u) => u.role === "MANAGER")!;
    const cookie = await signInCookie(base, manager.email, manager.password);
    console.log(`\nGET /profiles on the built app (whole HTML, sign-in session, ${HTTP_ITERATIONS} runs each)`);
    console.log(`${"case".padEnd(24)}${"p50".padStart(10)}${"p95".padStart(10)}`);
    for (const c of cases) {
      const [t] = (await measure([() => timeGet(`${base}/profiles${c.query ? `?${c.query}` : ""}`, cookie)], HTTP_ITERATIONS)) as [TStats];
      console.log(`${c.name.padEnd(24)}${ms(t.p50)}${ms(t.p95)}`);
    }
    const js = firstLoadJs("/profiles");
    console.log(js ? `\nFirst-load JS of /profiles: ${(js.gzip / 1024).toFixed(1)} KiB gzip (${(js.raw / 1024).toFixed(0)} KiB raw)` : "\nFirst-load JS: no build stats");
  } finally {
    if (app) await stopProcess(app);
    if (!process.env.BENCH_KEEP) await dropDatabase(server, name).catch((error) => log(`could not drop ${name}: ${String(error)}`));
    else log(`kept database ${name}`);
    await embedded?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("[bench] failed:", error);
    process.exit(1);
  },
);
