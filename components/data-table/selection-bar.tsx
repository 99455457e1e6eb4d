"use client";

import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatTotal, type TTotalView } from "./data-table-pagination";

/**
 * The selection: some rows of this page, or everything the filter matches. "All matching" is the
 * filter itself (the server re-resolves it), never a list of ids held in the browser.
 */
export type TSelection = { kind: "rows"; ids: string[] } | { kind: "filter" };

export function SelectionBar(props: {
  selection: TSelection;
  pageCount: number;
  total: TTotalView;
  onSelectAllMatching: () => void;
  onClear: () => void;
  children?: React.ReactNode;
}) {
  const { selection } = props;
  if (selection.kind === "rows" && selection.ids.length === 0) return null;
  return (
    <div
      role="region"
      aria-label="Selection"
      data-testid="selection-bar"
      className="sticky bottom-4 z-10 mx-auto mt-3 flex w-fit flex-wrap items-center gap-3 rounded-lg border border-border bg-popover px-4 py-2 text-sm shadow-lg"
    >
      <span className="font-medium" data-testid="selection-count">
        {selection.kind === "filter"
          ? `All ${formatTotal(props.total)} matching this filter selected`
          : `${selection.ids.length} selected on this page`}
      </span>
      {selection.kind === "rows" && selection.ids.length === props.pageCount && props.total.value > props.pageCount ? (
        <Button variant="link" size="sm" className="h-auto p-0" onClick={props.onSelectAllMatching}>
          Select all {formatTotal(props.total)} matching this filter
        </Button>
      ) : null}
      {props.children}
      <Button variant="ghost" size="sm" className="h-7" onClick={props.onClear} aria-label="Clear selection">
        <X aria-hidden />
        Clear
      </Button>
    </div>
  );
}
