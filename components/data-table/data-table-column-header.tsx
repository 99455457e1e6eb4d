"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { Column, RowData } from "@tanstack/react-table";
import type { TDataTableFeatures } from "./data-table";
import { cn } from "@/lib/utils";

/** A header that sorts by its column on click (the server sorts; the URL changes). */
export function DataTableColumnHeader<TData extends RowData>({ column, title, className }: { column: Column<TDataTableFeatures, TData, unknown>; title: string; className?: string }) {
  if (!column.getCanSort()) return <span className={className}>{title}</span>;
  const sorted = column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      className={cn("-ml-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-accent hover:text-accent-foreground", sorted && "text-foreground", className)}
      onClick={() => column.toggleSorting(sorted === "asc")}
      aria-label={`Sort by ${title}${sorted ? (sorted === "asc" ? ", ascending" : ", descending") : ""}`}
    >
      {title}
      <Icon className={cn("size-3.5", !sorted && "opacity-40")} aria-hidden />
    </button>
  );
}
