"use client";

import { X } from "lucide-react";
import type { TFacetCounts } from "@/lib/list/types";
import type { TProfileFilterOptions } from "@/lib/profiles/queries";
import { PROFILE_STATUSES, PROFILE_STATUS_LABELS, SERVICE_OUTCOMES, SERVICE_OUTCOME_LABELS } from "@/lib/profiles/list-shape";
import type { TProfileFilters, TProfileListParams } from "@/lib/profiles/schemas";
import { DataTableDateFilter } from "@/components/data-table/data-table-date-filter";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { Button } from "@/components/ui/button";

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

type Props = {
  params: TProfileListParams;
  options: TProfileFilterOptions;
  statusCounts: TFacetCounts;
  onFilters: (patch: Partial<TProfileFilters>) => void;
  onSearch: (q: string) => void;
  onReset: () => void;
};

/** Search and every filter of the profiles list; each change is a new URL on page 1. */
export function ProfilesToolbar({ params, options, statusCounts, onFilters, onSearch, onReset }: Props) {
  const f = params.filters;
  const flag = (key: "files" | "links" | "wiped", title: string) => (
    <DataTableFacetedFilter
      title={title}
      options={YES_NO}
      selected={f[key] === undefined ? [] : [f[key] ? "yes" : "no"]}
      // One answer at a time: the newest click wins.
      onChange={(values) => onFilters({ [key]: values.length ? values[values.length - 1] === "yes" : undefined })}
    />
  );
  const list = <K extends "status" | "workflow" | "type" | "country" | "outcome" | "decision">(key: K) =>
    (values: string[]) => onFilters({ [key]: values.length ? values : undefined } as Partial<TProfileFilters>);
  const active = Object.keys(f).length > 0 || params.q !== "";
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
      <DataTableSearch value={params.q} placeholder="Name, email or client id…  ( / )" onChange={onSearch} />
      <DataTableFacetedFilter
        title="Status"
        options={PROFILE_STATUSES.map((s) => ({ value: s, label: PROFILE_STATUS_LABELS[s] ?? s, count: statusCounts.counts[s] ?? 0 }))}
        approximate={!statusCounts.exact}
        selected={f.status ?? []}
        onChange={list("status")}
      />
      <DataTableFacetedFilter
        title="Workflow"
        options={options.workflows.map((w) => ({ value: w.id, label: w.name }))}
        selected={f.workflow ?? []}
        onChange={list("workflow")}
      />
      <DataTableFacetedFilter
        title="Services"
        options={SERVICE_OUTCOMES.map((o) => ({ value: o, label: SERVICE_OUTCOME_LABELS[o] }))}
        selected={f.outcome ?? []}
        onChange={list("outcome")}
      />
      <DataTableFacetedFilter
        title="Latest decision"
        options={options.decisions.map((d) => ({ value: d, label: d }))}
        selected={f.decision ?? []}
        onChange={list("decision")}
      />
      <DataTableFacetedFilter
        title="Country"
        options={options.countries.map((c) => ({ value: c, label: c }))}
        selected={f.country ?? []}
        onChange={list("country")}
      />
      <DataTableFacetedFilter
        title="Type"
        options={options.types.map((t) => ({ value: t, label: t.toLowerCase() }))}
        selected={f.type ?? []}
        onChange={list("type")}
      />
      <DataTableDateFilter
        title="Created"
        value={{ from: f.createdFrom, to: f.createdTo }}
        onChange={(r) => onFilters({ createdFrom: r.from, createdTo: r.to })}
      />
      <DataTableDateFilter
        title="Modified"
        value={{ from: f.modifiedFrom, to: f.modifiedTo }}
        onChange={(r) => onFilters({ modifiedFrom: r.from, modifiedTo: r.to })}
      />
      {flag("files", "Has files")}
      {flag("links", "Has links")}
      {flag("wiped", "Wiped")}
      {active ? (
        <Button variant="ghost" size="sm" className="h-8" onClick={onReset}>
          Reset
          <X aria-hidden />
        </Button>
      ) : null}
    </div>
  );
}
