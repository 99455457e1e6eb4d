"use client";

import { useCallback } from "react";
import { X } from "lucide-react";
import type { TPageView } from "@/lib/list/types";
import type { TJobListRow } from "@/lib/jobs/queries";
import { resetList, toListQuery, withFilters } from "@/lib/list/query-string";
import { JOB_COLUMNS, JOB_COLUMN_LABELS, JOB_KIND_LABELS, JOB_LIST_SHAPE, JOB_PAGE_SIZES, JOB_STATES, JOB_STATE_LABELS } from "@/lib/jobs/list-shape";
import type { TJobFilters, TJobListParams } from "@/lib/jobs/schemas";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { ListPagination } from "@/components/data-table/data-table-pagination";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { useListNavigation } from "@/components/data-table/use-list-navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import { jobColumns } from "./jobs-columns";

type Props = { params: TJobListParams; page: TPageView<TJobListRow>; kinds: string[] };

export function JobsTable({ params, page, kinds }: Props) {
  const { navigate, pending } = useListNavigation();
  const go = useCallback((next: TJobListParams) => navigate(toListQuery(JOB_LIST_SHAPE, next)), [navigate]);
  const f = params.filters;
  const setFilters = (patch: Partial<TJobFilters>) => go(withFilters(params, patch));
  const filtered = Object.keys(f).length > 0;
  return (
    <div className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
          <DataTableFacetedFilter
            title="State"
            options={JOB_STATES.map((s) => ({ value: s, label: JOB_STATE_LABELS[s] }))}
            selected={f.state ?? []}
            onChange={(values) => setFilters({ state: values.length ? (values as TJobFilters["state"]) : undefined })}
          />
          <DataTableFacetedFilter
            title="Kind"
            options={kinds.map((k) => ({ value: k, label: JOB_KIND_LABELS[k] ?? k }))}
            selected={f.kind ?? []}
            onChange={(values) => setFilters({ kind: values.length ? values : undefined })}
          />
          <Button
            variant={f.mine ? "secondary" : "outline"}
            size="sm"
            className="h-8 border-dashed"
            aria-pressed={f.mine === true}
            onClick={() => setFilters({ mine: f.mine ? undefined : true })}
          >
            Requested by me
          </Button>
          {filtered ? (
            <Button variant="ghost" size="sm" className="h-8" onClick={() => go(resetList(params, { filters: {} }))}>
              Reset
              <X aria-hidden />
            </Button>
          ) : null}
        </div>
        <DataTableViewOptions columns={JOB_COLUMNS} labels={JOB_COLUMN_LABELS} visible={params.cols} onChange={(cols) => go({ ...params, cols })} />
      </div>
      <div className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending}>
        <DataTable
          label="Jobs"
          columns={jobColumns}
          data={page.rows}
          getRowId={(row) => row.id}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          onSortChange={(s) => go(resetList(params, { sort: s.id as TJobListParams["sort"], dir: s.desc ? "desc" : "asc" }))}
          visibleColumns={params.cols}
          rowTestId="job-row"
          rowState={(row) => row.state}
          empty={
            <EmptyState
              className="border-0"
              title={filtered ? "No jobs match" : "No jobs yet"}
              description={filtered ? "Change the filters." : "Bulk status changes and other long actions show here while they run and after."}
            />
          }
        />
      </div>
      <ListPagination params={params} page={page} sizes={JOB_PAGE_SIZES} go={go} />
    </div>
  );
}
