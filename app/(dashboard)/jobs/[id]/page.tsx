import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { lastPageSize } from "@/lib/list/count";
import { jobDefinition } from "@/lib/jobs/definitions";
import { PDF_EXPORT_JOB } from "@/lib/exports/pdf-schemas";
import { ACTIVE_JOB_STATES, FINISHED_JOB_STATES, JOB_KIND_LABELS, JOB_KIND_SUBJECTS, JOB_STATE_LABELS } from "@/lib/jobs/list-shape";
import { formatEta, formatRate } from "@/lib/jobs/progress";
import { countJobItems, findJobItems, getJobDetail, type TJobLink } from "@/lib/jobs/queries";
import { jobItemList, ZJobIdSchema } from "@/lib/jobs/schemas";
import { PageHeader } from "@/components/layout/page-header";
import { DataTableNotices } from "@/components/data-table/data-table-notices";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { JobArtifact } from "@/components/jobs/job-artifact";
import { JobControls } from "@/components/jobs/job-controls";
import { JobDecisionPanel } from "@/components/jobs/job-decision-panel";
import { JobItemsTable } from "@/components/jobs/job-items-table";
import { JobProgressBar, JobStateBadge } from "@/components/jobs/job-state";
import { AutoRefresh } from "@/components/sync/auto-refresh";

export const metadata: Metadata = { title: "Job" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function JobLinkLine({ label, job }: { label: string; job: TJobLink }) {
  return (
    <li>
      {label}{" "}
      <Link href={`/jobs/${job.id}`} className="text-primary hover:underline" data-testid="related-job">
        {job.title}
      </Link>{" "}
      <span className="text-muted-foreground">· {JOB_STATE_LABELS[job.state].toLowerCase()} · {formatDateTime(job.createdAt)}</span>
    </li>
  );
}

// One job: who asked and who decided, its progress, the four-eyes panel for those who may decide, and
// every item's outcome. The page refreshes itself while the job is queued or running.
export default async function JobPage({ params, searchParams }: Props) {
  const user = await requirePageUser("jobs.read");
  const id = ZJobIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const job = await getJobDetail(id.data);
  if (!job) notFound();
  const list = jobItemList.parse(await searchParams);
  const itemParams = list.params;
  const [items, total] =
    itemParams.cursor?.dir === "last"
      ? await countJobItems(job.id, itemParams).then(async (t) => [await findJobItems(job.id, itemParams, { lastPageSize: lastPageSize(t, itemParams.size) }), t] as const)
      : await Promise.all([findJobItems(job.id, itemParams), countJobItems(job.id, itemParams)]);

  const definition = jobDefinition(job.kind);
  const awaiting = job.state === "AWAITING_APPROVAL";
  const isRequester = job.requestedById === user.id;
  const mayDecide = awaiting && !isRequester && can(user.role, "jobs.approve") && Boolean(definition?.approvers.includes(user.role));
  const canCancel = can(user.role, "jobs.manage") && (awaiting || job.state === "QUEUED" || (job.state === "RUNNING" && !job.cancelRequestedAt));
  const retryable = definition && can(user.role, definition.requestPermission) && FINISHED_JOB_STATES.includes(job.state) ? job.itemCounts.FAILED : 0;
  const facts: [string, React.ReactNode][] = [
    ["State", <JobStateBadge key="s" state={job.state} cancelling={job.cancelRequestedAt !== null} />],
    ["Kind", JOB_KIND_LABELS[job.kind] ?? job.kind],
    ["Requested by", <span key="r" data-testid="job-requester">{job.requestedByEmail}</span>],
    ["Created", formatDateTime(job.createdAt)],
    ["Started", formatDateTime(job.startedAt)],
    ["Finished", formatDateTime(job.finishedAt)],
  ];
  if (job.approvalRequired) {
    facts.push(["Approval", job.decidedAt ? `${job.state === "REJECTED" ? "Rejected" : "Approved"} by ${job.decidedByEmail ?? "?"}` : "Waiting for a second manager or admin"]);
    if (job.decidedAt) facts.push(["Decided", formatDateTime(job.decidedAt)], ["Reason", job.decisionReason ?? "—"]);
  }
  if (job.cancelRequestedAt) facts.push(["Cancel asked", formatDateTime(job.cancelRequestedAt)]);

  return (
    <>
      <PageHeader
        title={job.title}
        description={`${JOB_KIND_LABELS[job.kind] ?? job.kind} · job ${job.id}`}
        actions={<JobControls key={`${job.state}-${job.itemCounts.FAILED}`} jobId={job.id} canCancel={canCancel} retryable={retryable} />}
      />
      <AutoRefresh active={ACTIVE_JOB_STATES.includes(job.state)} />
      <div className="space-y-4">
        <p className="text-sm">
          <Link href="/jobs" className="text-primary hover:underline">
            ← All jobs
          </Link>
        </p>
        {job.failure ? <Alert variant="destructive">The job stopped: {job.failure}</Alert> : null}
        {awaiting && !mayDecide ? (
          <Alert variant="warning" data-testid="awaiting-notice">
            {isRequester ? "You asked for this change: it waits until a second manager or admin approves it." : "This change waits until a manager or admin other than the requester approves it."}
          </Alert>
        ) : null}
        {job.kind === PDF_EXPORT_JOB ? <JobArtifact jobId={job.id} state={job.state} artifact={job.artifact} mayDownload={can(user.role, "exports.pdf")} /> : null}
        {mayDecide ? <JobDecisionPanel jobId={job.id} requestedBy={job.requestedByEmail} threshold={getEnv().BULK_APPROVAL_THRESHOLD} /> : null}
        <div className="grid gap-4 lg:grid-cols-[2fr_3fr]">
          <Card>
            <CardHeader>
              <CardTitle>Summary</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm" data-testid="job-facts">
                {facts.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-muted-foreground">{label}</dt>
                    <dd className="min-w-0 break-words">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Progress</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <JobProgressBar job={job} progress={job.progress} />
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                {[
                  ["Done", job.done.toLocaleString("en")],
                  ["Failed", job.failed.toLocaleString("en")],
                  ["Rate", formatRate(job.progress.rate)],
                  ["ETA", formatEta(job.progress.etaSeconds)],
                ].map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs text-muted-foreground">{label}</dt>
                    <dd className="font-medium tabular-nums" data-testid={`job-${label!.toLowerCase()}`}>{value}</dd>
                  </div>
                ))}
              </dl>
              {job.retryOf || job.retries.length ? (
                <ul className="space-y-1 text-sm" data-testid="job-relations">
                  {job.retryOf ? <JobLinkLine label="Retries the failed items of" job={job.retryOf} /> : null}
                  {job.retries.map((r) => (
                    <JobLinkLine key={r.id} label="Its failed items retried in" job={r} />
                  ))}
                </ul>
              ) : null}
            </CardContent>
          </Card>
        </div>
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Items</h2>
          <DataTableNotices notices={list.notices} />
          <JobItemsTable params={itemParams} page={{ ...items, total }} counts={job.itemCounts} subjects={JOB_KIND_SUBJECTS[job.kind] ?? null} />
        </section>
      </div>
    </>
  );
}
