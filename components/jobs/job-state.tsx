import { Badge, type BadgeProps } from "@/components/ui/badge";
import { JOB_STATE_LABELS, type TJobState } from "@/lib/jobs/list-shape";
import type { TJobProgress } from "@/lib/jobs/progress";
import { cn } from "@/lib/utils";

// A job's state and progress, the same in the list and on the job's page.

const STATE_BADGE: Record<TJobState, BadgeProps["variant"]> = {
  AWAITING_APPROVAL: "warning",
  QUEUED: "secondary",
  RUNNING: "info",
  SUCCEEDED: "success",
  PARTIAL: "warning",
  FAILED: "destructive",
  CANCELLED: "outline",
  REJECTED: "outline",
};

export function JobStateBadge({ state, cancelling = false }: { state: TJobState; cancelling?: boolean }) {
  return (
    <Badge variant={STATE_BADGE[state]} data-testid="job-state" data-state={state}>
      {cancelling && state === "RUNNING" ? "Cancelling…" : JOB_STATE_LABELS[state]}
    </Badge>
  );
}

type TCounts = { total: number; done: number; failed: number; skipped: number };

/** Done green, failed red, skipped grey, of the total; the numbers beside it say the same in words. */
export function JobProgressBar({ job, progress, className, testId = "job-progress" }: { job: TCounts; progress: TJobProgress; className?: string; testId?: string | null }) {
  const share = (n: number) => (job.total === 0 ? 0 : (n / job.total) * 100);
  return (
    <div className={cn("min-w-40 space-y-1", className)} data-testid={testId ?? undefined} data-percent={progress.percent}>
      <div
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={`${progress.percent} %: ${job.done} done, ${job.failed} failed, ${job.skipped} skipped of ${job.total}`}
        className="flex h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full bg-success" style={{ width: `${share(job.done)}%` }} />
        <div className="h-full bg-destructive" style={{ width: `${share(job.failed)}%` }} />
        <div className="h-full bg-muted-foreground/40" style={{ width: `${share(job.skipped)}%` }} />
      </div>
      <p className="flex flex-wrap gap-x-2 text-xs text-muted-foreground tabular-nums">
        <span className="font-medium text-foreground">{progress.percent} %</span>
        <span>
          {job.done.toLocaleString("en")} / {job.total.toLocaleString("en")} done
        </span>
        {job.failed > 0 ? <span className="text-destructive">{job.failed.toLocaleString("en")} failed</span> : null}
        {job.skipped > 0 ? <span>{job.skipped.toLocaleString("en")} skipped</span> : null}
      </p>
    </div>
  );
}
