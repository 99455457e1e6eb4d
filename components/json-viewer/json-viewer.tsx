"use client";

import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import { ancestorsOf, flattenJson, isContainer, searchLines, visibleLines, type TJsonLine } from "@/lib/json/flatten";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

// Only the lines in view (and a margin) are drawn: every line is one row of fixed height, long values
// scroll sideways, so a fully expanded 400 KB record costs what one screenful costs.
const ROW = 20;
const VIEW = 512;
const MARGIN = 40;

const VALUE_TONE: Record<TJsonLine["kind"], string> = {
  string: "text-emerald-700 dark:text-emerald-400",
  number: "text-sky-700 dark:text-sky-400",
  boolean: "text-violet-700 dark:text-violet-400",
  null: "text-muted-foreground",
  object: "text-muted-foreground",
  array: "text-muted-foreground",
};

/** A folding, searchable view of one JSON value (a service's full details). */
export function JsonViewer({ value, label }: { value: unknown; label: string }) {
  const lines = useMemo(() => flattenJson(value), [value]);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set([0]));
  const [term, setTerm] = useState("");
  const deferred = useDeferredValue(term);
  const [scrollTop, setScrollTop] = useState(0);
  const [current, setCurrent] = useState(0);
  const list = useRef<HTMLDivElement>(null);

  const search = useMemo(() => searchLines(lines, deferred), [lines, deferred]);
  const forced = useMemo(() => ancestorsOf(lines, search.matches), [lines, search.matches]);
  const matchSet = useMemo(() => new Set(search.matches), [search.matches]);
  const visible = useMemo(() => visibleLines(lines, (i) => expanded.has(i) || forced.has(i), Infinity).indices, [lines, expanded, forced]);
  const needle = deferred.trim().toLowerCase();
  const first = Math.max(0, Math.floor(scrollTop / ROW) - MARGIN);
  const shown = visible.slice(first, Math.ceil((scrollTop + VIEW) / ROW) + MARGIN);

  // Brings the current match into view: its row's place among the visible lines sets the scroll.
  useEffect(() => {
    const index = search.matches[current];
    const box = list.current;
    if (index === undefined || !box) return;
    const row = visible.indexOf(index);
    if (row === -1) return;
    const top = row * ROW;
    if (top < box.scrollTop || top + ROW > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 2);
  }, [current, search.matches, visible]);

  const toggle = (index: number) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  const expandAll = () => setExpanded(new Set(lines.flatMap((l, i) => (isContainer(l) ? [i] : []))));
  const step = (by: number) => search.matches.length && setCurrent((c) => (c + by + search.matches.length) % search.matches.length);

  return (
    <div className="space-y-2" data-testid="json-viewer">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          type="search"
          value={term}
          onChange={(e) => {
            setTerm(e.target.value);
            setCurrent(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            }
          }}
          placeholder="Search keys and values"
          aria-label={`Search ${label}`}
          className="h-8 w-64"
        />
        {needle ? (
          <span className="text-xs text-muted-foreground" aria-live="polite" data-testid="json-matches">
            {search.total === 0
              ? "No match"
              : `${current + 1} of ${search.total.toLocaleString("en")} ${search.total === 1 ? "match" : "matches"}${search.total > search.matches.length ? ` (first ${search.matches.length.toLocaleString("en")} shown)` : ""}`}
          </span>
        ) : null}
        {needle && search.matches.length > 1 ? (
          <>
            <Button type="button" size="sm" variant="outline" onClick={() => step(-1)}>Previous</Button>
            <Button type="button" size="sm" variant="outline" onClick={() => step(1)}>Next</Button>
          </>
        ) : null}
        <span className="ml-auto flex gap-1">
          <Button type="button" size="sm" variant="ghost" onClick={expandAll}>Expand all</Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setExpanded(new Set([0]))}>Collapse all</Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => void navigator.clipboard?.writeText(JSON.stringify(value, null, 2))}>Copy</Button>
        </span>
      </div>
      <div
        ref={list}
        role="tree"
        aria-label={label}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        className="overflow-auto rounded-md border border-border bg-muted/30 font-mono text-xs leading-5"
        style={{ maxHeight: VIEW }}
      >
        <div className="relative" style={{ height: visible.length * ROW }}>
        {shown.map((index, i) => {
          const line = lines[index]!;
          const container = isContainer(line);
          const open = container && (expanded.has(index) || forced.has(index));
          const isMatch = matchSet.has(index);
          return (
            <div
              key={index}
              role="treeitem"
              aria-expanded={container ? open : undefined}
              aria-level={line.depth + 1}
              aria-selected={false}
              data-line={index}
              className={cn("absolute left-2 flex h-5 items-center gap-1 whitespace-pre pr-2", isMatch && search.matches[current] === index && "rounded bg-amber-100 dark:bg-amber-900/40")}
              style={{ top: (first + i) * ROW, paddingLeft: `${line.depth * 1}rem` }}
            >
              {container ? (
                <button type="button" onClick={() => toggle(index)} className="shrink-0 rounded text-muted-foreground hover:text-foreground" aria-label={open ? "Fold" : "Unfold"}>
                  {open ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}
                </button>
              ) : (
                <span className="w-3.5 shrink-0" />
              )}
              {line.key !== null ? (
                <span className={cn("shrink-0", line.inArray ? "text-muted-foreground" : "text-foreground")}>
                  <Highlight text={line.inArray ? line.key : JSON.stringify(line.key)} needle={line.inArray ? "" : needle} />:
                </span>
              ) : null}
              <span className={VALUE_TONE[line.kind]}>
                {container ? (line.kind === "array" ? `[ ${line.text} ]` : `{ ${line.text} }`) : <Highlight text={line.text} needle={needle} />}
              </span>
            </div>
          );
        })}
        </div>
      </div>
    </div>
  );
}

function Highlight({ text, needle }: { text: string; needle: string }) {
  if (!needle) return <>{text}</>;
  const at = text.toLowerCase().indexOf(needle);
  if (at === -1) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded-sm bg-amber-200 text-foreground dark:bg-amber-700">{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}
