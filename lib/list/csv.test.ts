import { describe, expect, it } from "vitest";
import { csvCell, csvHeader, csvLine } from "./csv";

describe("csv", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('Zoë "Z", Müller')).toBe('"Zoë ""Z"", Müller"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe("-3");
  });

  it("writes a header and rows from column definitions", () => {
    const columns = [{ header: "Name", value: (r: { n: string }) => r.n }];
    expect(csvHeader(columns) + csvLine(columns, { n: "x" })).toBe("Name\r\nx\r\n");
  });
});
