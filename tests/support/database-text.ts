import pg from "pg";

/**
 * Every row of every table in the database (all schemas but the system ones), one line per row as
 * PostgreSQL prints it: what a data-only dump holds, read over SQL so it works whatever the server's
 * version (a pg_dump older than the server refuses it, and the embedded server ships none).
 */
export async function databaseText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
       ORDER BY 1, 2`,
    );
    const parts: string[] = [];
    for (const t of tables) {
      const quoted = `"${t.schema.replace(/"/g, '""')}"."${t.name.replace(/"/g, '""')}"`;
      const { rows } = await client.query<{ line: string }>(`SELECT r::text AS line FROM ${quoted} r`);
      parts.push(`-- ${t.schema}.${t.name}`, ...rows.map((r) => r.line));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
