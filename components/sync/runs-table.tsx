import Link from "next/link";
import type { TSyncRunRow } from "@/lib/sync/queries";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatDuration } from "@/lib/format";

const STATE_BADGE: Record<TSyncRunRow["state"], BadgeProps["variant"]> = {
  QUEUED: "secondary",
  RUNNING: "info",
  SUCCEEDED: "success",
  FAILED: "destructive",
};

function Progress({ run }: { run: TSyncRunRow }) {
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

export function RunsTable({ runs, selected }: { runs: TSyncRunRow[]; selected?: string }) {
  return (
    <div className="rounded-lg border border-border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Started</TableHead>
            <TableHead>Kind</TableHead>
            <TableHead>State</TableHead>
            <TableHead className="text-right">Duration</TableHead>
            <TableHead className="text-right">New</TableHead>
            <TableHead className="text-right">Updated</TableHead>
            <TableHead className="text-right">Unchanged</TableHead>
            <TableHead className="text-right">Errors</TableHead>
            <TableHead className="text-right">Rate</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => {
            const end = run.finishedAt ?? (run.state === "RUNNING" ? new Date() : null);
            const ms = run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null;
            return (
              <TableRow key={run.id} data-testid="sync-run" data-state={run.state} className={run.id === selected ? "bg-muted/60" : undefined}>
                <TableCell className="tabular-nums">
                  <Link href={`/sync?run=${run.id}`} className="font-medium text-primary hover:underline">
                    {formatDateTime(run.startedAt ?? run.createdAt)}
                  </Link>
                  <div className="text-xs text-muted-foreground">by {run.requestedBy ?? "system"}</div>
                </TableCell>
                <TableCell>{run.kind.toLowerCase()}</TableCell>
                <TableCell>
                  <Badge variant={STATE_BADGE[run.state]}>{run.state.toLowerCase()}</Badge>
                  <Progress run={run} />
                  {run.failure ? <div className="mt-1 max-w-xs text-xs text-destructive">{run.failure}</div> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{ms === null ? "—" : formatDuration(ms)}</TableCell>
                <TableCell className="text-right tabular-nums">{run.created}</TableCell>
                <TableCell className="text-right tabular-nums">{run.updated}</TableCell>
                <TableCell className="text-right tabular-nums">{run.unchanged}</TableCell>
                <TableCell className="text-right tabular-nums">{run.errors > 0 ? <span className="font-medium text-destructive">{run.errors}</span> : 0}</TableCell>
                <TableCell className="text-right tabular-nums">{ms && ms > 0 ? `${Math.round((run.processed / ms) * 1000)}/s` : "—"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
