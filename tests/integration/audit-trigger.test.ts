import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "../support/db";

describe("audit_events is append-only in the database itself", () => {
  const client = new pg.Client({ connectionString: databaseUrl() });
  let id: string;

  beforeAll(async () => {
    await client.connect();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO audit_events (action, outcome, details) VALUES ('test.append_only', 'SUCCESS', '{"n":1}') RETURNING id`,
    );
    id = rows[0]!.id;
  });
  afterAll(() => client.end());

  it("accepts inserts", async () => {
    const { rows } = await client.query("SELECT action FROM audit_events WHERE id = $1", [id]);
    expect(rows).toEqual([{ action: "test.append_only" }]);
  });

  it("refuses UPDATE", async () => {
    await expect(client.query("UPDATE audit_events SET action = 'tampered' WHERE id = $1", [id])).rejects.toThrow(
      /append-only: UPDATE/,
    );
  });

  it("refuses DELETE", async () => {
    await expect(client.query("DELETE FROM audit_events WHERE id = $1", [id])).rejects.toThrow(/append-only: DELETE/);
  });

  it("refuses TRUNCATE", async () => {
    await expect(client.query("TRUNCATE audit_events")).rejects.toThrow(/append-only: TRUNCATE/);
  });

  it("leaves the row exactly as written", async () => {
    const { rows } = await client.query("SELECT action, details FROM audit_events WHERE id = $1", [id]);
    expect(rows).toEqual([{ action: "test.append_only", details: { n: 1 } }]);
  });
});
