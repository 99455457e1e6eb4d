"use client";

import Link from "next/link";
import type { TJobListRow } from "@/lib/jobs/queries";
import { JOB_COLUMN_LABELS, JOB_KIND_LABELS, type TJobColumn } from "@/lib/jobs/list-shape";
import { formatEta, formatRate } from "@/lib/jobs/progress";
import { columnFactory } from "@/components/data-table/data-table-column";
import type { TColumn } from "@/components/data-table/data-table";
import { JobProgressBar, JobStateBadge } from "./job-state";

// Short in the cell (the list is wide), the full instant on hover.
const short = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const full = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const when = (d: Date) => (
  <time dateTime={d.toISOString()} title={`${full.format(d)} UTC`} className="whitespace-nowrap tabular-nums">
    {short.format(d)}
  </time>
);
const SORTABLE = new Set<string>(["created"]);

const column = columnFactory<TJobListRow, TJobColumn>(JOB_COLUMN_LABELS, SORTABLE);
const muted = <span className="text-muted-foreground">—</span>;

export const jobColumns: TColumn<TJobListRow>[] = [
  column("title", ({ row: { original: j } }) => (
    <div className="min-w-48">
      <Link href={`/jobs/${j.id}`} className="font-medium text-primary hover:underline" data-testid="job-link">
        {j.title}
      </Link>
      <div className="text-xs text-muted-foreground">{JOB_KIND_LABELS[j.kind] ?? j.kind}</div>
      {/* On a phone the progress column is off to the side; the bar comes along under the title. */}
      <JobProgressBar job={j} progress={j.progress} className="mt-1.5 md:hidden" testId={null} />
    </div>
  )),
  column("state", ({ row: { original: j } }) => <JobStateBadge state={j.state} cancelling={j.cancelRequestedAt !== null} />),
  column("progress", ({ row: { original: j } }) => <JobProgressBar job={j} progress={j.progress} />),
  column("rate", ({ row: { original: j } }) => <span className="whitespace-nowrap tabular-nums">{formatRate(j.progress.rate)}</span>, "text-right"),
  column("eta", ({ row: { original: j } }) => (j.progress.etaSeconds === null ? muted : <span className="whitespace-nowrap tabular-nums">{formatEta(j.progress.etaSeconds)}</span>), "text-right"),
  column("requestedBy", ({ row: { original: j } }) => (
    <span className="block max-w-40 truncate text-xs" title={j.requestedByEmail}>
      {j.requestedByEmail}
    </span>
  )),
  column("created", ({ row: { original: j } }) => when(j.createdAt)),
  column("finished", ({ row: { original: j } }) => (j.finishedAt ? when(j.finishedAt) : muted)),
];
