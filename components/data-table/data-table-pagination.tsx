"use client";

import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { resetList, type TListState } from "@/lib/list/query-string";
import type { TPageView } from "@/lib/list/types";

export type TTotalView = { value: number; exact: boolean };

export function formatTotal(total: TTotalView): string {
  return `${total.exact ? "" : "about "}${total.value.toLocaleString("en")}`;
}

/** Keyset paging: first, previous, next and last are always cheap; the page number is a label. */
export function DataTablePagination(props: {
  page: number;
  size: number;
  sizes: readonly number[];
  rowsOnPage: number;
  total: TTotalView;
  hasPrev: boolean;
  hasNext: boolean;
  isLast: boolean;
  onFirst: () => void;
  onPrev: () => void;
  onNext: () => void;
  onLast: () => void;
  onSize: (size: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(props.total.value / props.size));
  // On the last page the position is known from the end; elsewhere from the start.
  const page = props.isLast ? pages : props.page;
  const from = props.rowsOnPage === 0 ? 0 : props.isLast ? Math.max(1, props.total.value - props.rowsOnPage + 1) : (page - 1) * props.size + 1;
  const to = props.isLast ? props.total.value : from + props.rowsOnPage - 1;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
      <p className="text-muted-foreground tabular-nums" data-testid="list-total">
        {props.rowsOnPage === 0 ? "No rows" : `Rows ${from.toLocaleString("en")}–${to.toLocaleString("en")} of ${formatTotal(props.total)}`}
      </p>
      <div className="flex items-center gap-2">
        <span className="text-muted-foreground">Rows per page</span>
        {/* A native select: the list pages stay under their JavaScript budget without Radix Select. */}
        <select
          value={props.size}
          onChange={(e) => props.onSize(Number(e.target.value))}
          aria-label="Rows per page"
          className="h-8 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring/40"
        >
          {props.sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="px-2 tabular-nums" data-testid="list-page">
          Page {page.toLocaleString("en")} of {props.total.exact ? "" : "about "}
          {pages.toLocaleString("en")}
        </span>
        <Button variant="outline" size="icon" className="size-8" aria-label="First page" disabled={!props.hasPrev} onClick={props.onFirst}>
          <ChevronFirst aria-hidden />
        </Button>
        <Button variant="outline" size="icon" className="size-8" aria-label="Previous page" disabled={!props.hasPrev} onClick={props.onPrev}>
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant="outline" size="icon" className="size-8" aria-label="Next page" disabled={!props.hasNext} onClick={props.onNext}>
          <ChevronRight aria-hidden />
        </Button>
        <Button variant="outline" size="icon" className="size-8" aria-label="Last page" disabled={!props.hasNext} onClick={props.onLast}>
          <ChevronLast aria-hidden />
        </Button>
      </div>
    </nav>
  );
}

/**
 * The pager of a list in the URL: first, previous, next and last as keyset moves (a cursor of the page
 * at hand, or `last`), the page size as a reset to page 1. Every list page uses this one wiring.
 */
export function ListPagination<P extends TListState>({ params, page, sizes, go }: {
  params: P;
  page: TPageView<unknown>;
  sizes: readonly number[];
  go: (next: P) => void;
}) {
  return (
    <DataTablePagination
      page={params.page}
      size={params.size}
      sizes={sizes}
      rowsOnPage={page.rows.length}
      total={page.total}
      hasPrev={page.hasPrev}
      hasNext={page.hasNext}
      isLast={page.isLast}
      onFirst={() => go({ ...params, page: 1, cursor: null })}
      onPrev={() => go(page.prev && params.page > 2 ? { ...params, page: params.page - 1, cursor: page.prev } : { ...params, page: 1, cursor: null })}
      onNext={() => page.next && go({ ...params, page: params.page + 1, cursor: page.next })}
      onLast={() => go({ ...params, page: Math.max(1, Math.ceil(page.total.value / params.size)), cursor: { dir: "last" } })}
      onSize={(size) => go(resetList(params, { size } as Partial<P>))}
    />
  );
}
