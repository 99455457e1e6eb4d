import pg from "pg";
import { writeWorld } from "../../scripts/lib/profile-world";

// The profiles journeys' own world: one workflow nobody else uses, known names with accents, and no
// ACCEPTED profiles (the webhook journey counts those on the overview while this runs).
export const E2E_WORKFLOW = { id: "wf-e2e-review", name: "E2E Review Queue" };
export const E2E_NAMES = ["Zoë Fixture-Quill", "Jörg Müller-Fixture", "Søren Ångström-Fixture"];
export const E2E_PROFILES = 60;

export async function seedProfilesWorld(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Parallel workers seed once: the first takes the lock, the others find the workflow there.
    await client.query("SELECT pg_advisory_xact_lock(731)");
    const { rowCount } = await client.query("SELECT 1 FROM workflows WHERE id = $1", [E2E_WORKFLOW.id]);
    if (!rowCount) {
      await writeWorld(client, {
        count: E2E_PROFILES,
        seed: 13,
        workflows: [E2E_WORKFLOW],
        names: E2E_NAMES,
        statuses: [["PENDING_REVIEW", 0.4], ["REJECTED", 0.3], ["COMPLETED", 0.3]],
      });
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}
