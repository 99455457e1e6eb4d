"use client";

import { useState } from "react";
import { CalendarRange } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type TRange = { from?: string; to?: string };

/** A from/to range of days (UTC, both inclusive), applied when the user says so. */
export function DataTableDateFilter(props: { title: string; value: TRange; onChange: (range: TRange) => void }) {
  const [draft, setDraft] = useState<TRange>(props.value);
  const active = props.value.from || props.value.to;
  const id = props.title.toLowerCase().replace(/\W+/g, "-");
  return (
    <DropdownMenu onOpenChange={(open) => open && setDraft(props.value)}>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="h-8 border-dashed" aria-label={`Filter by ${props.title}`}>
          <CalendarRange aria-hidden />
          {props.title}
          {active ? (
            <Badge variant="secondary" className="ml-1">
              {props.value.from ?? "…"} – {props.value.to ?? "…"}
            </Badge>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64 p-3">
        <DropdownMenuLabel className="px-0">{props.title} (UTC)</DropdownMenuLabel>
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            props.onChange({ from: draft.from || undefined, to: draft.to || undefined });
          }}
        >
          <div className="space-y-1">
            <Label htmlFor={`${id}-from`}>From</Label>
            <Input id={`${id}-from`} type="date" value={draft.from ?? ""} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </div>
          <div className="space-y-1">
            <Label htmlFor={`${id}-to`}>To</Label>
            <Input id={`${id}-to`} type="date" value={draft.to ?? ""} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </div>
          <div className="flex justify-between pt-1">
            <Button size="sm" variant="ghost" onClick={() => props.onChange({})}>Clear</Button>
            <Button size="sm" type="submit">Apply</Button>
          </div>
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
