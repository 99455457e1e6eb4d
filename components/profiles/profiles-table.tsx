"use client";

import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { Download } from "lucide-react";
import type { TFacetCounts, TPageView } from "@/lib/list/types";
import type { TProfileFilterOptions, TProfileRow } from "@/lib/profiles/queries";
import { resetList, toListQuery, withFilters } from "@/lib/list/query-string";
import { PROFILE_COLUMNS, PROFILE_COLUMN_LABELS, PROFILE_LIST_SHAPE, PROFILE_PAGE_SIZES } from "@/lib/profiles/list-shape";
import type { TProfileListParams, TProfileFilters } from "@/lib/profiles/schemas";
import type { TStatusOption } from "@/lib/profiles/status/transitions";
import { DataTable } from "@/components/data-table/data-table";
import { ListPagination } from "@/components/data-table/data-table-pagination";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { KeyboardHelp } from "@/components/data-table/keyboard-help";
import { SelectionBar, type TSelection } from "@/components/data-table/selection-bar";
import { formatTotal } from "@/components/data-table/data-table-pagination";
import { useListNavigation } from "@/components/data-table/use-list-navigation";
import { useRowKeyboard } from "@/components/data-table/use-row-keyboard";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import { BulkStatusButton } from "./bulk-status-dialog";
import { profileColumns } from "./profiles-columns";
import { ProfilesToolbar } from "./profiles-toolbar";

type Props = {
  params: TProfileListParams;
  page: TPageView<TProfileRow>;
  options: TProfileFilterOptions;
  statusCounts: TFacetCounts;
  canExport: boolean;
  /** The statuses and reasons of a bulk change, for those who may make one. */
  bulkStatus?: { options: TStatusOption[]; reasons: string[] } | null;
  savedViews?: React.ReactNode;
};

export function ProfilesTable({ params, page, options, statusCounts, canExport, bulkStatus, savedViews }: Props) {
  const router = useRouter();
  const { navigate, pending } = useListNavigation();
  // A selection belongs to the list it was made on: a new filter, sort or page starts empty.
  const query = toListQuery(PROFILE_LIST_SHAPE, params);
  const [selected, setSelected] = useState<{ query: string; selection: TSelection }>({ query, selection: { kind: "rows", ids: [] } });
  const selection: TSelection = selected.query === query ? selected.selection : { kind: "rows", ids: [] };
  const setSelection = useCallback(
    (next: TSelection | ((current: TSelection) => TSelection)) =>
      setSelected((s) => {
        const current = s.query === query ? s.selection : ({ kind: "rows", ids: [] } as TSelection);
        return { query, selection: typeof next === "function" ? next(current) : next };
      }),
    [query],
  );
  const [help, setHelp] = useState(false);
  const go = useCallback((next: TProfileListParams) => navigate(toListQuery(PROFILE_LIST_SHAPE, next)), [navigate]);

  const workflowNames = useMemo(() => Object.fromEntries(options.workflows.map((w) => [w.id, w.name])), [options.workflows]);
  const columns = useMemo(() => profileColumns(workflowNames), [workflowNames]);
  const rowIds = useMemo(() => page.rows.map((r) => r.id), [page.rows]);
  const selectedIds = selection.kind === "filter" ? rowIds : selection.ids;
  const toggle = useCallback(
    (id: string) =>
      setSelection((s) => {
        const ids = s.kind === "filter" ? rowIds : s.ids;
        return { kind: "rows", ids: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id] };
      }),
    [rowIds, setSelection],
  );
  const openHelp = useCallback(() => setHelp(true), []);
  const open = useCallback((id: string) => router.push(`/profiles/${id}`), [router]);
  const active = useRowKeyboard({ rowIds, onOpen: open, onToggle: toggle, onHelp: openHelp });

  const onFilters = (patch: Partial<TProfileFilters>) => go(withFilters(params, patch));
  const exportQuery = toListQuery(PROFILE_LIST_SHAPE, { ...params, page: 1, cursor: null });

  return (
    <div className="space-y-3">
      {/* Narrow screens stack the actions under the filters: beside them they squeezed the search to one word. */}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <ProfilesToolbar
          params={params}
          options={options}
          statusCounts={statusCounts}
          onFilters={onFilters}
          onSearch={(q) => go(resetList(params, { q }))}
          onReset={() => go(resetList(params, { filters: {}, q: "" }))}
        />
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {savedViews}
          {canExport ? (
            <Button asChild variant="outline" size="sm" className="h-8">
              <a href={`/api/exports/profiles${exportQuery ? `?${exportQuery}` : ""}`} download>
                <Download aria-hidden />
                Export CSV
              </a>
            </Button>
          ) : null}
          <DataTableViewOptions
            columns={PROFILE_COLUMNS}
            labels={PROFILE_COLUMN_LABELS}
            visible={params.cols}
            onChange={(cols) => go({ ...params, cols })}
          />
          <KeyboardHelp open={help} onOpenChange={setHelp} />
        </div>
      </div>
      <div className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending}>
        <DataTable
          label="Profiles"
          columns={columns}
          data={page.rows}
          getRowId={(row) => row.id}
          sort={{ id: params.sort, desc: params.dir === "desc" }}
          onSortChange={(s) => go(resetList(params, { sort: s.id as TProfileListParams["sort"], dir: s.desc ? "desc" : "asc" }))}
          visibleColumns={params.cols}
          selection={Object.fromEntries(selectedIds.map((id) => [id, true]))}
          onSelectionChange={(state) => setSelection({ kind: "rows", ids: Object.keys(state).filter((id) => state[id]) })}
          activeRowId={active}
          rowTestId="profile-row"
          empty={<EmptyState className="border-0" title="No profiles match" description="Change the filters or the search." />}
        />
      </div>
      <ListPagination params={params} page={page} sizes={PROFILE_PAGE_SIZES} go={go} />
      <SelectionBar
        selection={selection}
        pageCount={page.rows.length}
        total={page.total}
        onSelectAllMatching={() => setSelection({ kind: "filter" })}
        onClear={() => setSelection({ kind: "rows", ids: [] })}
      >
        {bulkStatus ? (
          <BulkStatusButton
            selection={selection}
            query={exportQuery}
            described={
              selection.kind === "filter"
                ? `all ${formatTotal(page.total)} profiles matching this filter`
                : `${selection.ids.length} selected ${selection.ids.length === 1 ? "profile" : "profiles"}`
            }
            options={bulkStatus.options}
            reasons={bulkStatus.reasons}
            onDone={() => setSelection({ kind: "rows", ids: [] })}
          />
        ) : null}
      </SelectionBar>
    </div>
  );
}
