"use client";

import Link from "next/link";
import { DataTable, type TColumn } from "@/components/data-table/data-table";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { formatDateTime, formatDuration } from "@/lib/format";

/** What the runs table shows of a sync run (the page passes only these fields to the browser). */
export type TRunView = {
  id: string;
  kind: string;
  state: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  requestedBy: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  processed: number;
  expected: number | null;
  stage: string | null;
  failure: string | null;
};

const STATE_BADGE: Record<TRunView["state"], BadgeProps["variant"]> = {
  QUEUED: "secondary",
  RUNNING: "info",
  SUCCEEDED: "success",
  FAILED: "destructive",
};

function durationOf(run: TRunView): number | null {
  const end = run.finishedAt ?? (run.state === "RUNNING" ? new Date() : null);
  return run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null;
}

function Progress({ run }: { run: TRunView }) {
  if (run.state !== "RUNNING") return null;
  const ratio = run.expected ? Math.min(1, run.processed / Math.max(run.expected, 1)) : null;
  return (
    <div className="mt-1 flex items-center gap-2" data-testid="sync-progress">
      <div className="h-1.5 w-32 overflow-hidden rounded-full bg-muted" role="progressbar" aria-valuenow={ratio ? Math.round(ratio * 100) : undefined}>
        <div className={ratio === null ? "h-full w-1/3 animate-pulse bg-primary" : "h-full bg-primary"} style={ratio === null ? undefined : { width: `${ratio * 100}%` }} />
      </div>
      <span className="text-xs text-muted-foreground">{run.stage}</span>
    </div>
  );
}

const number = (id: string, label: string, value: (run: TRunView) => React.ReactNode): TColumn<TRunView> => ({
  id,
  header: label,
  meta: { label, className: "text-right tabular-nums" },
  cell: ({ row }) => value(row.original),
});

const columns: TColumn<TRunView>[] = [
  {
    id: "started",
    header: "Started",
    meta: { label: "Started", className: "tabular-nums" },
    cell: ({ row: { original: run } }) => (
      <>
        <Link href={`/sync?run=${run.id}`} className="font-medium text-primary hover:underline">
          {formatDateTime(run.startedAt ?? run.createdAt)}
        </Link>
        <div className="text-xs text-muted-foreground">by {run.requestedBy ?? "system"}</div>
      </>
    ),
  },
  { id: "kind", header: "Kind", meta: { label: "Kind" }, cell: ({ row }) => row.original.kind.toLowerCase() },
  {
    id: "state",
    header: "State",
    meta: { label: "State" },
    cell: ({ row: { original: run } }) => (
      <>
        <Badge variant={STATE_BADGE[run.state]}>{run.state.toLowerCase()}</Badge>
        <Progress run={run} />
        {run.failure ? <div className="mt-1 max-w-xs text-xs text-destructive">{run.failure}</div> : null}
      </>
    ),
  },
  number("duration", "Duration", (run) => {
    const ms = durationOf(run);
    return ms === null ? "—" : formatDuration(ms);
  }),
  number("new", "New", (run) => run.created),
  number("updated", "Updated", (run) => run.updated),
  number("unchanged", "Unchanged", (run) => run.unchanged),
  number("errors", "Errors", (run) => (run.errors > 0 ? <span className="font-medium text-destructive">{run.errors}</span> : 0)),
  number("rate", "Rate", (run) => {
    const ms = durationOf(run);
    return ms && ms > 0 ? `${Math.round((run.processed / ms) * 1000)}/s` : "—";
  }),
];

export function RunsTable({ runs, selected }: { runs: TRunView[]; selected?: string }) {
  return (
    <div data-testid="sync-runs">
      <DataTable
        label="Sync runs"
        columns={columns}
        data={runs}
        getRowId={(run) => run.id}
        rowTestId="sync-run"
        rowState={(run) => run.state}
        rowClassName={(run) => (run.id === selected ? "bg-muted/60" : undefined)}
        empty={<p className="py-6 text-center text-sm text-muted-foreground">No runs.</p>}
      />
    </div>
  );
}
