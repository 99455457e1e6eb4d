import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRows } from "../../lib/db/copy";
import { inTransaction } from "../../lib/db/sql";
import { createIsolatedDatabase } from "../support/db";

describe("copyRows", () => {
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  beforeAll(async () => {
    isolated = await createIsolatedDatabase("copy");
  });
  afterAll(() => isolated.drop());

  it("round-trips awkward text exactly", async () => {
    const awkward = ['quote " and \\ backslash', "tab\tnew\nline\rcr", "Zoë Łukasz 山田 🚀", "", "NULL", "\\N", "\\."];
    await inTransaction(isolated.pool, async (client) => {
      await client.query("CREATE TEMP TABLE t (i int, s text, a text[], j jsonb) ON COMMIT DROP");
      await copyRows(client, "t", ["i", "s", "a", "j"], awkward.map((s, i) => [i, s, [s, ""], { json: { s } }]));
      const { rows } = await client.query<{ s: string; a: string[]; j: { s: string } }>("SELECT s, a, j FROM t ORDER BY i");
      expect(rows.map((r) => r.s)).toEqual(awkward);
      expect(rows.map((r) => r.a)).toEqual(awkward.map((s) => [s, ""]));
      expect(rows.map((r) => r.j.s)).toEqual(awkward);
    });
  });

  it("a row the server rejects mid-stream fails with the server's error, rolls back, and frees the connection", async () => {
    const big = "x".repeat(100_000);
    const rows = [["not-a-uuid", "f0", true], ...Array.from({ length: 250 }, (_, i) => ["00000000-0000-4000-8000-000000000000", `${big}${i}`, true])];
    await expect(
      inTransaction(isolated.pool, (client) => copyRows(client, "profile_flows", ["profile_id", "flow_id", "completed"], rows)),
    ).rejects.toMatchObject({ code: "22P02" });
    expect((await isolated.pool.query("SELECT count(*)::int AS n FROM profile_flows")).rows[0]).toEqual({ n: 0 });
    expect(isolated.pool.idleCount + isolated.pool.totalCount).toBeGreaterThan(0);
  });
});
