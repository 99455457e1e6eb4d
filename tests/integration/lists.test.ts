import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeWorld } from "../../scripts/lib/profile-world";
import { databaseUrl } from "../support/db";

// The profiles list through its lib functions on a real PostgreSQL: keyset pages cover the filter
// exactly once in both directions, search ignores case and accents, totals are exact when small, and
// the facets the generator writes are what the sync's refresh_profile_facets() computes.
const WORKFLOW = { id: `wf-it-${Date.now().toString(36)}`, name: "Integration lists" };
const COUNT = 230;
const NAMES = ["Zoë Ångström-Test", "Jörg MÜLLER-Test"];

type TQueries = typeof import("../../lib/profiles/queries");
type TLib = {
  list: typeof import("../../lib/profiles/schemas").profileList;
  find: TQueries["findProfiles"];
  count: TQueries["countProfiles"];
  countWithStatuses: TQueries["countProfilesWithStatuses"];
};

describe("the profiles list on PostgreSQL", () => {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  let ids: string[] = [];
  let lib: TLib;

  beforeAll(async () => {
    process.env.DATABASE_URL = databaseUrl();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      ids = await writeWorld(client, { count: COUNT, seed: Date.now() % 100_000, workflows: [WORKFLOW], names: NAMES });
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    const schemas = await import("../../lib/profiles/schemas");
    const queries = await import("../../lib/profiles/queries");
    lib = { list: schemas.profileList, find: queries.findProfiles, count: queries.countProfiles, countWithStatuses: queries.countProfilesWithStatuses };
  });
  afterAll(async () => {
    await pool.query("DELETE FROM profiles WHERE id = ANY($1::uuid[])", [ids]);
    await pool.end();
  });

  const params = (query: string) => lib.list.parse(new URLSearchParams(`workflow=${WORKFLOW.id}&${query}`)).params;

  it("walks every page forward and back by keyset, each row once, in the database's order", async () => {
    const expected = (
      await pool.query<{ id: string }>(
        "SELECT id::text FROM profiles WHERE workflow_ids && $1::text[] ORDER BY coalesce(full_name, '') ASC, id ASC",
        [[WORKFLOW.id]],
      )
    ).rows.map((r) => r.id);
    expect(expected).toHaveLength(COUNT);

    let state = params("sort=name&dir=asc&size=25");
    const forward: string[][] = [];
    for (;;) {
      const page = await lib.find(state);
      forward.push(page.rows.map((r) => r.id));
      if (!page.next) break;
      state = { ...state, page: state.page + 1, cursor: page.next };
    }
    expect(forward.flat()).toEqual(expected);

    const total = await lib.count(state);
    expect(total).toEqual({ value: COUNT, exact: true });
    let back: typeof state = { ...state, cursor: { dir: "last" } };
    const backward: string[][] = [];
    let page = await lib.find(back, { lastPageSize: COUNT % 25 || 25 });
    backward.unshift(page.rows.map((r) => r.id));
    while (page.prev) {
      back = { ...back, cursor: page.prev };
      page = await lib.find(back);
      backward.unshift(page.rows.map((r) => r.id));
    }
    expect(backward).toEqual(forward);
  });

  it("counts the total and the statuses from one scan, and the statuses without their own filter", async () => {
    const { rows } = await pool.query<{ status: string; n: number }>(
      "SELECT status, count(*)::int AS n FROM profiles WHERE workflow_ids && $1::text[] GROUP BY status",
      [[WORKFLOW.id]],
    );
    const expected = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(await lib.countWithStatuses(params(""))).toEqual({ total: { value: COUNT, exact: true }, statusCounts: { counts: expected, exact: true } });
    const filtered = await lib.countWithStatuses(params("status=REJECTED"));
    expect(filtered.total).toEqual({ value: expected.REJECTED ?? 0, exact: true });
    expect(filtered.statusCounts).toEqual({ counts: expected, exact: true });
  });

  it("finds names whatever their case and accents, by prefix and by fragment", async () => {
    const names = async (q: string) => (await lib.find(params(`q=${encodeURIComponent(q)}`))).rows.map((r) => r.fullName);
    expect(await names("zoe angstrom-test")).toEqual(["Zoë Ångström-Test"]);
    expect(await names("muller-tes")).toEqual(["Jörg MÜLLER-Test"]);
    expect(await names("NGSTRÖM-T")).toEqual(["Zoë Ångström-Test"]);
    expect(await names("100% _not_ a pattern")).toEqual([]);
  });

  it("filters on the facets the sync keeps, which refresh_profile_facets() agrees with", async () => {
    const before = (await pool.query("SELECT id, workflow_ids, service_outcome, has_files, link_count, execution_count, latest_decision FROM profiles WHERE id = ANY($1::uuid[]) ORDER BY id", [ids])).rows;
    await pool.query("SELECT refresh_profile_facets($1::uuid[])", [ids]);
    const after = (await pool.query("SELECT id, workflow_ids, service_outcome, has_files, link_count, execution_count, latest_decision FROM profiles WHERE id = ANY($1::uuid[]) ORDER BY id", [ids])).rows;
    expect(after).toEqual(before);

    const failed = await lib.find(params("outcome=SOME_FAILED&files=yes&size=100"));
    expect(failed.rows.length).toBeGreaterThan(0);
    for (const row of failed.rows) expect(row).toMatchObject({ serviceOutcome: "SOME_FAILED" });
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM profiles WHERE workflow_ids && $1::text[] AND service_outcome = 'SOME_FAILED' AND has_files",
      [[WORKFLOW.id]],
    );
    expect((await lib.count(params("outcome=SOME_FAILED&files=yes"))).value).toBe(rows[0]!.n);
  });
});

describe("the profiles CSV export", () => {
  it("streams exactly the filtered rows and reports the count once, also when cancelled", async () => {
    process.env.DATABASE_URL = databaseUrl();
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
    const workflow = { id: `wf-csv-${Date.now().toString(36)}`, name: "CSV" };
    const client = await pool.connect();
    await client.query("BEGIN");
    const ids = await writeWorld(client, { count: 120, seed: 7, workflows: [workflow], names: ["=HYPERLINK(\"x\") Müller"] });
    await client.query("COMMIT");
    client.release();
    try {
      const { profileList } = await import("../../lib/profiles/schemas");
      const { streamProfilesCsv } = await import("../../lib/profiles/export-profiles");
      const params = profileList.parse(new URLSearchParams(`workflow=${workflow.id}&status=PENDING_REVIEW,REJECTED&sort=name&dir=asc`)).params;
      const summaries: unknown[] = [];
      const text = await new Response(streamProfilesCsv(params, async (s) => void summaries.push(s))).text();
      const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
      const { rows } = await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM profiles WHERE workflow_ids && $1::text[] AND status = ANY($2::text[])",
        [[workflow.id], ["PENDING_REVIEW", "REJECTED"]],
      );
      expect(lines).toHaveLength(rows[0]!.n + 1);
      for (const line of lines.slice(1)) expect(line).toMatch(/,(PENDING_REVIEW|REJECTED),/);
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
      expect(summaries).toEqual([{ rows: rows[0]!.n, complete: true, truncated: false }]);

      const cancelled: unknown[] = [];
      const reader = streamProfilesCsv(profileList.parse(new URLSearchParams(`workflow=${workflow.id}`)).params, async (s) => void cancelled.push(s)).getReader();
      await reader.read();
      await reader.cancel();
      expect(cancelled).toEqual([{ rows: 0, complete: false, truncated: false }]);
    } finally {
      await pool.query("DELETE FROM profiles WHERE id = ANY($1::uuid[])", [ids]);
      await pool.end();
    }
  });
});
