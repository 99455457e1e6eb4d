import { describe, expect, it } from "vitest";
import { ancestorsOf, flattenJson, searchLines, visibleLines } from "./flatten";

const sample = { person: { name: "Zoë Müller", dob: "1990-01-02" }, checks: [{ id: "a", match: true }, { id: "b", match: null }], score: 7 };

describe("flattenJson", () => {
  it("lists every node once in document order, with each container's subtree end", () => {
    const lines = flattenJson(sample);
    expect(lines.map((l) => l.key)).toEqual([null, "person", "name", "dob", "checks", "0", "id", "match", "1", "id", "match", "score"]);
    const checks = lines[4]!;
    expect(checks).toMatchObject({ kind: "array", text: "2 items", end: 11, depth: 1 });
    expect(lines[2]).toMatchObject({ kind: "string", text: '"Zoë Müller"', parent: 1, end: 3 });
    expect(lines[10]).toMatchObject({ kind: "null", inArray: false });
  });

  it("takes a nesting deeper than the call stack", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const lines = flattenJson(deep);
    expect(lines).toHaveLength(50_001);
    expect(lines.at(-1)).toMatchObject({ kind: "string", depth: 50_000 });
  });
});

describe("searching and folding", () => {
  const lines = flattenJson(sample);

  it("finds keys and values case-insensitively, and opens only the containers above a match", () => {
    const { matches, total } = searchLines(lines, "MÜLLER");
    expect(total).toBe(1);
    expect(lines[matches[0]!]!.key).toBe("name");
    expect([...ancestorsOf(lines, matches)].sort()).toEqual([0, 1]);
    expect(searchLines(lines, "match").total).toBe(2);
    expect(searchLines(lines, "  ").total).toBe(0);
  });

  it("hides a closed container's subtree and says when the limit cut the list", () => {
    const rootOnly = visibleLines(lines, (i) => i === 0, 100);
    expect(rootOnly.indices.map((i) => lines[i]!.key)).toEqual([null, "person", "checks", "score"]);
    expect(visibleLines(lines, () => true, 5)).toEqual({ indices: [0, 1, 2, 3, 4], more: true });
  });
});
