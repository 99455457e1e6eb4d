import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type TCopyValue = string | number | boolean | Date | null | undefined | string[] | { json: unknown };

// COPY text format: backslash escapes for the characters that delimit rows and columns.
function escapeText(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t"));
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export function copyField(value: TCopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (typeof value === "object") return value.json === null || value.json === undefined ? "\\N" : escapeText(JSON.stringify(value.json));
  return escapeText(value);
}

/**
 * Streams rows into `table` with one COPY, the fastest way PostgreSQL takes rows. The caller owns
 * the transaction; columns are named explicitly so the table's column order does not matter.
 */
export async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: TCopyValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const sink = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    sink.on("finish", () => resolve());
    sink.on("error", reject);
  });
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const text = rows
      .slice(i, i + CHUNK)
      .map((row) => row.map(copyField).join("\t"))
      .join("\n");
    if (!sink.write(`${text}\n`)) await new Promise((resolve) => sink.once("drain", resolve));
  }
  sink.end();
  await done;
}
