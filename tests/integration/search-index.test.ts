import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/db";

// PostgreSQL 17+ evaluates index expressions with search_path = pg_catalog while it (re)builds an
// index over existing rows, analyses or vacuums: the search functions must name what they call.
describe("the search indexes over existing rows", () => {
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>> | undefined;
  afterAll(async () => {
    await isolated?.drop();
  });

  it("rebuild, analyse and still find an accented name", async () => {
    isolated = await createIsolatedDatabase("search_index");
    const id = randomUUID();
    await isolated.pool.query(
      `INSERT INTO profiles (id, status, profile_type, status_manually_changed, created_at, last_modified, full_name, email, raw, content_hash, synced_at)
       VALUES ($1, 'ACCEPTED', 'PERSON', false, now(), now(), 'Zoë Müller', 'zoe@example.test', '{}', 'h', now())`,
      [id],
    );
    await isolated.pool.query("REINDEX INDEX profiles_search_idx");
    await isolated.pool.query("REINDEX INDEX executions_search_idx");
    await isolated.pool.query("ANALYZE profiles");
    const { rows } = await isolated.pool.query<{ id: string }>(
      "SELECT id::text FROM profiles WHERE profile_search_text(full_name, email, id) LIKE lower(f_unaccent('%muller%'))",
    );
    expect(rows).toEqual([{ id }]);
  });
});
