"use client";

import { useCallback } from "react";
import Link from "next/link";
import type { TPageView } from "@/lib/list/types";
import type { TJobItemRow } from "@/lib/jobs/queries";
import { toListQuery, withFilters } from "@/lib/list/query-string";
import {
  JOB_ITEM_COLUMN_LABELS,
  JOB_ITEM_LIST_SHAPE,
  JOB_ITEM_PAGE_SIZES,
  JOB_ITEM_STATES,
  JOB_ITEM_STATE_LABELS,
  type TJobItemColumn,
  type TJobItemState,
} from "@/lib/jobs/list-shape";
import type { TJobItemFilters, TJobItemListParams } from "@/lib/jobs/schemas";
import { columnFactory } from "@/components/data-table/data-table-column";
import { DataTable, type TColumn } from "@/components/data-table/data-table";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { ListPagination } from "@/components/data-table/data-table-pagination";
import { useListNavigation } from "@/components/data-table/use-list-navigation";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ProfileStatusBadge } from "@/components/badges/status";
import { PROVIDER_LABELS } from "@/lib/executions/list-shape";
import { cn } from "@/lib/utils";

const PROVIDER_NAMES: Record<string, string> = PROVIDER_LABELS;

const dayTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const ITEM_BADGE: Record<TJobItemState, BadgeProps["variant"]> = { PENDING: "outline", CLAIMED: "info", DONE: "success", FAILED: "destructive", SKIPPED: "secondary" };
const column = columnFactory<TJobItemRow, TJobItemColumn>(JOB_ITEM_COLUMN_LABELS, new Set(["seq"]));
// Jobs over executions (PDF exports, account wipes) keep each item's provider where a status change keeps the old status.
const executionColumn = columnFactory<TJobItemRow, TJobItemColumn>({ ...JOB_ITEM_COLUMN_LABELS, before: "Provider", code: "Code" }, new Set(["seq"]));
const muted = <span className="text-muted-foreground">—</span>;

type TSubjects = "profiles" | "executions" | null;

/** `subjects`: what the ids are, so they link to their page ("profiles" for a bulk status change). */
function itemColumns(subjects: TSubjects): TColumn<TJobItemRow>[] {
  return [
    column("seq", ({ row }) => <span className="tabular-nums text-muted-foreground">{row.original.seq + 1}</span>, "w-12 text-right"),
    column("subject", ({ row: { original: i } }) =>
      subjects ? (
        <Link href={`/${subjects}/${encodeURIComponent(i.subjectId)}`} className="font-mono text-xs whitespace-nowrap text-primary hover:underline" data-testid="item-subject">
          {i.subjectId}
        </Link>
      ) : (
        <span className="font-mono text-xs whitespace-nowrap" data-testid="item-subject">{i.subjectId}</span>
      ),
    ),
    column("state", ({ row: { original: i } }) => (
      <Badge variant={ITEM_BADGE[i.state]} data-testid="item-state" data-state={i.state}>
        {JOB_ITEM_STATE_LABELS[i.state]}
      </Badge>
    )),
    (subjects === "executions" ? executionColumn : column)("before", ({ row: { original: i } }) =>
      i.before === null ? muted : subjects === "profiles" ? <ProfileStatusBadge status={i.before} /> : <span className="text-xs">{PROVIDER_NAMES[i.before] ?? i.before}</span>,
    ),
    (subjects === "executions" ? executionColumn : column)("code", ({ row: { original: i } }) => (i.code ? <span className="font-mono text-xs">{i.code}</span> : muted)),
    column("message", ({ row: { original: i } }) => (i.message ? <span className="block max-w-md text-xs break-words">{i.message}</span> : muted)),
    column("finished", ({ row: { original: i } }) => (i.finishedAt ? <span className="text-xs whitespace-nowrap tabular-nums">{dayTime.format(i.finishedAt)}</span> : muted)),
  ];
}

type Props = {
  params: TJobItemListParams;
  page: TPageView<TJobItemRow>;
  counts: Record<TJobItemState, number>;
  subjects: TSubjects;
};

export function JobItemsTable({ params, page, counts, subjects }: Props) {
  const { navigate, pending } = useListNavigation();
  const go = useCallback((next: TJobItemListParams) => navigate(toListQuery(JOB_ITEM_LIST_SHAPE, next)), [navigate]);
  const setFilters = (patch: Partial<TJobItemFilters>) => go(withFilters(params, patch));
  return (
    <div className="space-y-3" data-testid="job-items">
      <div className="flex flex-wrap items-center gap-2">
        <DataTableFacetedFilter
          title="Outcome"
          options={JOB_ITEM_STATES.map((s) => ({ value: s, label: JOB_ITEM_STATE_LABELS[s], count: counts[s] }))}
          selected={params.filters.state ?? []}
          onChange={(values) => setFilters({ state: values.length ? (values as TJobItemFilters["state"]) : undefined })}
        />
      </div>
      <div className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending}>
        <DataTable
          label="Items"
          columns={itemColumns(subjects)}
          data={page.rows}
          getRowId={(row) => row.id}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          onSortChange={(s) => go({ ...params, dir: s.desc ? "desc" : "asc", page: 1, cursor: null })}
          rowTestId="job-item-row"
          rowState={(row) => row.state}
          empty={<EmptyState className="border-0" title="No items match" description="Change the outcome filter." />}
        />
      </div>
      <ListPagination params={params} page={page} sizes={JOB_ITEM_PAGE_SIZES} go={go} />
    </div>
  );
}
