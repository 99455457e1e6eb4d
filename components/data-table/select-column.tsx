"use client";

import type { RowData } from "@tanstack/react-table";
import type { TColumn } from "./data-table";

/** The checkbox column: rows of this page; "all matching" is offered by the selection bar. */
export function selectColumn<TData extends RowData>(): TColumn<TData> {
  return {
    id: "select",
    enableSorting: false,
    enableHiding: false,
    meta: { label: "Select", className: "w-8" },
    header: ({ table }) => (
      <input
        type="checkbox"
        className="size-4 accent-primary align-middle"
        aria-label="Select all rows on this page"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected();
        }}
        onChange={(e) => table.toggleAllPageRowsSelected(e.target.checked)}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="size-4 accent-primary align-middle"
        aria-label="Select row"
        checked={row.getIsSelected()}
        onChange={(e) => row.toggleSelected(e.target.checked)}
      />
    ),
  };
}
