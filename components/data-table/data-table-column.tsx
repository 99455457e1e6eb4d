import type { RowData } from "@tanstack/react-table";
import type { TColumn } from "./data-table";
import { DataTableColumnHeader } from "./data-table-column-header";

/**
 * A list's column factory: each column is named by its URL id, titled from the list's labels, and
 * sortable only when the list's contract sorts by it (the server does the sorting; the header only asks).
 */
export function columnFactory<TRow extends RowData & { id: string }, TId extends string>(labels: Record<TId, string>, sortable: ReadonlySet<string>) {
  return (id: TId, cell: TColumn<TRow>["cell"], className?: string): TColumn<TRow> => {
    const label = labels[id];
    return {
      id,
      accessorFn: (row) => row.id,
      enableSorting: sortable.has(id),
      meta: { label, className },
      header: ({ column }) => <DataTableColumnHeader column={column} title={label} />,
      cell,
    };
  };
}
