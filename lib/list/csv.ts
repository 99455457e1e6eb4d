/** One CSV column: header and how to read it from a row. Exports are lists of these (columns as data). */
export type TCsvColumn<T> = { header: string; value: (row: T) => string | number | boolean | Date | null | undefined };

// A cell starting with = + - @ (or a tab/CR) would run as a formula in a spreadsheet: quote it as text.
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine<T>(columns: TCsvColumn<T>[], row: T): string {
  return `${columns.map((c) => csvCell(c.value(row))).join(",")}\r\n`;
}

export const csvHeader = <T>(columns: TCsvColumn<T>[]) => `${columns.map((c) => csvCell(c.header)).join(",")}\r\n`;
