"use client";

import { useCallback } from "react";
import { X } from "lucide-react";
import type { TPageView } from "@/lib/list/types";
import type { TExecutionFilterOptions, TExecutionListRow } from "@/lib/executions/queries";
import { resetList, toListQuery, withFilters } from "@/lib/list/query-string";
import {
  EXECUTION_COLUMNS,
  EXECUTION_COLUMN_LABELS,
  EXECUTION_LIST_SHAPE,
  EXECUTION_PAGE_SIZES,
  PROVIDERS,
  PROVIDER_LABELS,
  RISK_BAND_LABELS,
  type TRiskBand,
} from "@/lib/executions/list-shape";
import type { TExecutionFilters, TExecutionListParams } from "@/lib/executions/schemas";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableDateFilter } from "@/components/data-table/data-table-date-filter";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { ListPagination } from "@/components/data-table/data-table-pagination";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { useListNavigation } from "@/components/data-table/use-list-navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import { executionColumns } from "./executions-columns";
import { ExportPdfsButton } from "./export-pdfs-dialog";

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

type Props = {
  params: TExecutionListParams;
  page: TPageView<TExecutionListRow>;
  options: TExecutionFilterOptions;
  /** For exports.pdf holders (the action checks again): how long an export's ZIP is kept. */
  pdfExport: { retentionHours: number } | null;
};

export function ExecutionsTable({ params, page, options, pdfExport }: Props) {
  const { navigate, pending } = useListNavigation();
  const go = useCallback((next: TExecutionListParams) => navigate(toListQuery(EXECUTION_LIST_SHAPE, next)), [navigate]);
  const f = params.filters;
  const setFilters = (patch: Partial<TExecutionFilters>) => go(withFilters(params, patch));
  const list = (key: "provider" | "status" | "decision" | "risk" | "definition" | "feedback") => (values: string[]) =>
    setFilters({ [key]: values.length ? values : undefined } as Partial<TExecutionFilters>);
  const flag = (key: "linked" | "wiped", title: string) => (
    <DataTableFacetedFilter
      title={title}
      options={YES_NO}
      selected={f[key] === undefined ? [] : [f[key] ? "yes" : "no"]}
      onChange={(values) => setFilters({ [key]: values.length ? values[values.length - 1] === "yes" : undefined })}
    />
  );
  const values = (list: string[]) => list.map((v) => ({ value: v, label: v }));
  return (
    <div className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
          <DataTableSearch value={params.q} placeholder="Person, execution, account or reference…" onChange={(q) => go(resetList(params, { q }))} />
          <DataTableFacetedFilter title="Provider" options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))} selected={f.provider ?? []} onChange={list("provider")} />
          <DataTableFacetedFilter title="Status" options={values(options.statuses)} selected={f.status ?? []} onChange={list("status")} />
          <DataTableFacetedFilter title="Decision" options={values(options.decisions)} selected={f.decision ?? []} onChange={list("decision")} />
          <DataTableFacetedFilter
            title="Risk"
            options={(Object.keys(RISK_BAND_LABELS) as TRiskBand[]).map((band) => ({ value: band, label: RISK_BAND_LABELS[band] }))}
            selected={f.risk ?? []}
            onChange={list("risk")}
          />
          <DataTableFacetedFilter title="Definition" options={values(options.definitions)} selected={f.definition ?? []} onChange={list("definition")} />
          <DataTableFacetedFilter title="Fraud feedback" options={values(["FRAUD", "NOT_FRAUD"])} selected={f.feedback ?? []} onChange={list("feedback")} />
          <DataTableDateFilter title="Created" value={{ from: f.createdFrom, to: f.createdTo }} onChange={(r) => setFilters({ createdFrom: r.from, createdTo: r.to })} />
          {flag("linked", "Linked to a profile")}
          {flag("wiped", "Wiped")}
          {Object.keys(f).length > 0 || params.q ? (
            <Button variant="ghost" size="sm" className="h-8" onClick={() => go(resetList(params, { filters: {}, q: "" }))}>
              Reset
              <X aria-hidden />
            </Button>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {pdfExport ? (
            <ExportPdfsButton
              query={toListQuery(EXECUTION_LIST_SHAPE, { ...params, page: 1, cursor: null })}
              filterTotal={page.total}
              range={{ from: f.createdFrom, to: f.createdTo }}
              retentionHours={pdfExport.retentionHours}
            />
          ) : null}
          <DataTableViewOptions columns={EXECUTION_COLUMNS} labels={EXECUTION_COLUMN_LABELS} visible={params.cols} onChange={(cols) => go({ ...params, cols })} />
        </div>
      </div>
      <div className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending}>
        <DataTable
          label="Executions"
          columns={executionColumns}
          data={page.rows}
          getRowId={(row) => `${row.provider}:${row.id}`}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          onSortChange={(s) => go(resetList(params, { sort: s.id as TExecutionListParams["sort"], dir: s.desc ? "desc" : "asc" }))}
          visibleColumns={params.cols}
          rowTestId="execution-row"
          empty={<EmptyState className="border-0" title="No executions match" description="Change the filters or the search." />}
        />
      </div>
      <ListPagination params={params} page={page} sizes={EXECUTION_PAGE_SIZES} go={go} />
    </div>
  );
}
