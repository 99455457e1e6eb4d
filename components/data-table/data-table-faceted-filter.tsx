"use client";

import { PlusCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type TFacetOption = { value: string; label: string; count?: number };

/** Multi-select filter with counts per value; `approximate` marks counts that are estimates. */
export function DataTableFacetedFilter(props: {
  title: string;
  options: TFacetOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  approximate?: boolean;
}) {
  const { selected } = props;
  const toggle = (value: string) =>
    props.onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  const labelOf = (value: string) => props.options.find((o) => o.value === value)?.label ?? value;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 border-dashed" aria-label={`Filter by ${props.title}`}>
          <PlusCircle aria-hidden />
          {props.title}
          {selected.length > 0 ? (
            <span className="ml-1 flex gap-1 border-l border-border pl-2">
              {selected.length > 2 ? (
                <Badge variant="secondary">{selected.length} selected</Badge>
              ) : (
                selected.map((v) => <Badge key={v} variant="secondary">{labelOf(v)}</Badge>)
              )}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-80 w-64">
        <DropdownMenuLabel>{props.title}</DropdownMenuLabel>
        {props.options.length === 0 ? <p className="px-2 py-1.5 text-sm text-muted-foreground">No values yet.</p> : null}
        {props.options.map((option) => (
          <DropdownMenuCheckboxItem
            key={option.value}
            checked={selected.includes(option.value)}
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={() => toggle(option.value)}
          >
            <span className="flex-1 truncate">{option.label}</span>
            {option.count !== undefined ? (
              <span className="ml-auto pl-3 font-mono text-xs text-muted-foreground tabular-nums">
                {props.approximate ? "~" : ""}
                {option.count.toLocaleString("en")}
              </span>
            ) : null}
          </DropdownMenuCheckboxItem>
        ))}
        {selected.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => props.onChange([])} className="justify-center">
              Clear filter
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
