// The JSON viewer's model: a tree flattened into lines in document order, each container knowing where
// its subtree ends, so showing, folding and searching a 400 KB record are linear scans over an array
// rather than a re-render of a nested component tree. Built without recursion: depth is the data's.

export type TJsonKind = "object" | "array" | "string" | "number" | "boolean" | "null";

export type TJsonLine = {
  depth: number;
  /** The member's name, or its index inside an array; null for the root. */
  key: string | null;
  inArray: boolean;
  kind: TJsonKind;
  /** A leaf's value as JSON; a container's size ("3 keys", "12 items"). */
  text: string;
  /** Index of the line after this one's subtree (this index + 1 for a leaf). */
  end: number;
  parent: number;
  /** Lower-cased key and value, what a search looks in. */
  haystack: string;
};

const kindOf = (value: unknown): TJsonKind =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value === "string" ? "string" : typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "null";

export const isContainer = (line: TJsonLine) => line.kind === "object" || line.kind === "array";

export function flattenJson(root: unknown): TJsonLine[] {
  const lines: TJsonLine[] = [];
  const stack: { index: number; children: [string, unknown][]; next: number; inArray: boolean }[] = [];
  const add = (key: string | null, value: unknown, depth: number, parent: number, inArray: boolean) => {
    const index = lines.length;
    const kind = kindOf(value);
    if (kind === "object" || kind === "array") {
      const children: [string, unknown][] = kind === "array" ? (value as unknown[]).map((v, i) => [String(i), v]) : Object.entries(value as object);
      const n = children.length;
      const text = kind === "array" ? `${n} ${n === 1 ? "item" : "items"}` : `${n} ${n === 1 ? "key" : "keys"}`;
      lines.push({ depth, key, inArray, kind, text, end: index + 1, parent, haystack: (key ?? "").toLowerCase() });
      stack.push({ index, children, next: 0, inArray: kind === "array" });
    } else {
      const text = value === undefined ? "null" : JSON.stringify(value);
      lines.push({ depth, key, inArray, kind, text, end: index + 1, parent, haystack: `${inArray ? "" : (key ?? "").toLowerCase()}\u0000${(kind === "string" ? (value as string) : text).toLowerCase()}` });
    }
  };
  add(null, root, 0, -1, false);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const [key, value] = top.children[top.next++]!;
      add(key, value, lines[top.index]!.depth + 1, top.index, top.inArray);
    } else {
      lines[top.index]!.end = lines.length;
      stack.pop();
    }
  }
  return lines;
}

/** Lines whose key or value contains the term (case-insensitive), at most `limit` of them. */
export function searchLines(lines: TJsonLine[], term: string, limit = 1000): { matches: number[]; total: number } {
  const needle = term.trim().toLowerCase();
  if (!needle) return { matches: [], total: 0 };
  const matches: number[] = [];
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.haystack.includes(needle)) {
      total++;
      if (matches.length < limit) matches.push(i);
    }
  }
  return { matches, total };
}

/** The containers that must be open for these lines to show. */
export function ancestorsOf(lines: TJsonLine[], indices: number[]): Set<number> {
  const open = new Set<number>();
  for (const index of indices) {
    for (let p = lines[index]!.parent; p >= 0 && !open.has(p); p = lines[p]!.parent) open.add(p);
  }
  return open;
}

/** The lines to draw, in order: a closed container hides its subtree. Stops after `limit` lines. */
export function visibleLines(lines: TJsonLine[], isOpen: (index: number) => boolean, limit: number): { indices: number[]; more: boolean } {
  const indices: number[] = [];
  let i = 0;
  while (i < lines.length) {
    if (indices.length >= limit) return { indices, more: true };
    indices.push(i);
    const line = lines[i]!;
    i = isContainer(line) && !isOpen(i) ? line.end : i + 1;
  }
  return { indices, more: false };
}
