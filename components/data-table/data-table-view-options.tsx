"use client";

import { Settings2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** Which columns show; the choice is part of the URL (and of a saved view). */
export function DataTableViewOptions<C extends string>(props: {
  columns: readonly C[];
  labels: Record<C, string>;
  visible: readonly C[];
  onChange: (visible: C[]) => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="h-8">
          <Settings2 aria-hidden />
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel>Visible columns</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {props.columns.map((column) => (
          <DropdownMenuCheckboxItem
            key={column}
            checked={props.visible.includes(column)}
            onSelect={(event) => event.preventDefault()}
            // Keep at least one column; keep the declared order whatever the click order.
            disabled={props.visible.length === 1 && props.visible.includes(column)}
            onCheckedChange={(checked) =>
              props.onChange(props.columns.filter((c) => (c === column ? checked : props.visible.includes(c))))
            }
          >
            {props.labels[column]}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
