"use client";

import * as React from "react";
import {
  columnVisibilityFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

export type TColumnMeta = { label: string; className?: string };

// Manual mode throughout: the server sorts, filters and pages; the table only renders and reports
// what the user asked for. No client row models are registered, so none ship to the browser.
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
  columnMeta: {} as TColumnMeta,
});

export type TDataTableFeatures = typeof dataTableFeatures;
export type TColumn<TData extends RowData> = ColumnDef<TDataTableFeatures, TData>;
export type TSort = { id: string; desc: boolean };

type Props<TData extends RowData> = {
  columns: TColumn<TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  /** Without these the table does not sort (small lists the server orders once). */
  sort?: TSort;
  onSortChange?: (sort: TSort) => void;
  /** Without it every column shows. */
  visibleColumns?: readonly string[];
  selection?: RowSelectionState;
  onSelectionChange?: (selection: RowSelectionState) => void;
  /** The row under the keyboard cursor (j/k). */
  activeRowId?: string | null;
  rowTestId?: string | ((row: TData) => string);
  rowClassName?: (row: TData) => string | undefined;
  /** A data-state of the row's own (e.g. a run's state); selection marks rows "selected" otherwise. */
  rowState?: (row: TData) => string;
  empty: React.ReactNode;
  label: string;
};

export function DataTable<TData extends RowData>(props: Props<TData>) {
  const { columns, data, sort, visibleColumns } = props;
  const sorting: SortingState = React.useMemo(() => (sort ? [sort] : []), [sort]);
  const columnVisibility = React.useMemo(
    () => Object.fromEntries(columns.map((c) => [c.id!, !visibleColumns || c.enableHiding === false || visibleColumns.includes(c.id!)])),
    [columns, visibleColumns],
  );
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => props.getRowId(row),
    manualSorting: true,
    enableSorting: Boolean(props.onSortChange),
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowSelection: Boolean(props.onSelectionChange),
    state: { sorting, columnVisibility, rowSelection: props.selection ?? {} },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      if (next[0]) props.onSortChange?.({ id: next[0].id, desc: next[0].desc });
    },
    onRowSelectionChange: (updater) => {
      const current = props.selection ?? {};
      props.onSelectionChange?.(typeof updater === "function" ? updater(current) : updater);
    },
  });

  return (
    <div className="rounded-lg border border-border bg-card">
      <Table aria-label={props.label}>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => (
                <TableHead key={header.id} className={header.column.columnDef.meta?.className}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={table.getVisibleLeafColumns().length}>{props.empty}</TableCell>
            </TableRow>
          ) : (
            table.getRowModel().rows.map((row) => (
              <TableRow
                key={row.id}
                data-testid={typeof props.rowTestId === "function" ? props.rowTestId(row.original) : props.rowTestId}
                data-row-id={row.id}
                data-state={props.rowState ? props.rowState(row.original) : row.getIsSelected() ? "selected" : undefined}
                data-active={props.activeRowId === row.id ? "true" : undefined}
                aria-selected={props.activeRowId === row.id ? true : undefined}
                className={cn(props.rowClassName?.(row.original), props.activeRowId === row.id && "bg-accent/70 outline-2 -outline-offset-2 outline-ring/60")}
              >
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
