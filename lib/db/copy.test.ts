import { describe, expect, it } from "vitest";
import { copyField } from "./copy";

describe("COPY text encoding", () => {
  it("escapes the delimiters and drops NUL, which PostgreSQL text cannot hold", () => {
    expect(copyField("a\tb\nc\rd\\e\0f")).toBe("a\\tb\\nc\\rd\\\\ef");
  });

  it("writes NULL for missing values, invalid dates and non-finite numbers", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField(new Date(Number.NaN))).toBe("\\N");
    expect(copyField(Number.POSITIVE_INFINITY)).toBe("\\N");
    expect(copyField({ json: null })).toBe("\\N");
  });

  it("quotes array elements and escapes the result for COPY", () => {
    expect(copyField(["plain", 'say "hi"', "back\\slash", ""])).toBe('{"plain","say \\\\"hi\\\\"","back\\\\\\\\slash",""}');
  });

  it("removes the \\u0000 escape that jsonb refuses", () => {
    expect(copyField({ json: { a: "x\u0000y" } })).toBe('{"a":"xy"}');
    expect(copyField(Buffer.from('{"a":"x\\u0000y"}'))).toBe('{"a":"xy"}');
  });
});
