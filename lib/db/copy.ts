import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type TCopyValue = string | number | boolean | Date | null | undefined | string[] | Buffer | { json: unknown };

// COPY text format: backslash escapes for the characters that delimit rows and columns. NUL cannot be
// stored in a PostgreSQL text value at all, so it is dropped.
function escapeText(value: string): string {
  return value.replace(/[\\\n\r\t\0]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : ""));
}

// jsonb refuses the \u0000 escape; it carries nothing a reader needs.
const stripJsonNul = (json: string) => (json.includes("\\u0000") ? json.replace(/\\u0000/g, "") : json);

function needsEscape(bytes: Buffer): boolean {
  return bytes.includes(0x5c) || bytes.includes(0x0a) || bytes.includes(0x0d) || bytes.includes(0x09) || bytes.includes(0x00);
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export function copyField(value: TCopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "\\N";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "\\N" : value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  if (Buffer.isBuffer(value)) return escapeText(stripJsonNul(value.toString("utf8")));
  if (value.json === null || value.json === undefined) return "\\N";
  return escapeText(stripJsonNul(JSON.stringify(value.json)));
}

/**
 * Streams rows into `table` with one COPY, the fastest way PostgreSQL takes rows. The caller owns
 * the transaction; columns are named explicitly so the table's column order does not matter. On any
 * failure, ours or the server's, the COPY is aborted (CopyFail) so the connection can roll back, and
 * the original error is thrown.
 */
export async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: TCopyValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const sink = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  let failure: unknown = null;
  const done = new Promise<void>((resolve, reject) => {
    sink.on("finish", () => resolve());
    sink.on("error", (error) => {
      failure ??= error;
      reject(error);
    });
  });
  done.catch(() => undefined);

  const write = async (chunk: string | Buffer) => {
    if (failure) throw failure;
    if (!sink.write(chunk)) await Promise.race([new Promise((resolve) => sink.once("drain", resolve)), done]);
  };

  try {
    // Large byte fields that need no escaping (JSON as received) go to the socket as they are, without
    // a round trip through a JavaScript string.
    let text = "";
    for (const row of rows) {
      for (let c = 0; c < row.length; c += 1) {
        if (c > 0) text += "\t";
        const value = row[c];
        if (Buffer.isBuffer(value) && !needsEscape(value)) {
          if (text) await write(text);
          text = "";
          await write(value);
        } else {
          text += copyField(value);
        }
      }
      text += "\n";
      if (text.length > 256 * 1024) {
        await write(text);
        text = "";
      }
    }
    if (text) await write(text);
    sink.end();
    await done;
  } catch (error) {
    if (!failure) sink.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => undefined);
    throw failure ?? error;
  }
}
