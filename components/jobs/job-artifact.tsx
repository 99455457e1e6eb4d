import { FileArchive } from "lucide-react";
import { formatDateTime } from "@/lib/format";
import type { TJobDetail } from "@/lib/jobs/queries";
import type { TJobState } from "@/lib/jobs/list-shape";
import { Alert } from "@/components/ui/alert";

const SIZE = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${SIZE.format(value)} ${units[unit]}`;
}

type Props = { jobId: string; state: TJobState; artifact: TJobDetail["artifact"]; mayDownload: boolean };

/**
 * A PDF export's ZIP on its job page: the download while it is kept (for exports.pdf holders; the route
 * checks again), "expired" once retention removed it, nothing while it is still being built.
 */
export function JobArtifact({ jobId, state, artifact, mayDownload }: Props) {
  if (artifact.ready) {
    const until = `Kept until ${formatDateTime(artifact.expiresAt)}, then removed.`;
    return (
      <div className="flex flex-wrap items-center gap-3 rounded-md border border-border bg-muted/40 p-3 text-sm" data-testid="job-artifact" data-state="ready">
        {mayDownload ? (
          <a
            href={`/api/jobs/${jobId}/artifact`}
            download
            className="inline-flex h-9 items-center gap-1.5 rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary/90"
            data-testid="download-artifact"
          >
            <FileArchive className="size-4" aria-hidden /> Download ZIP ({formatBytes(artifact.bytes ?? 0)})
          </a>
        ) : (
          <span className="font-medium">
            <FileArchive className="mr-1 inline size-4" aria-hidden />
            ZIP ready ({formatBytes(artifact.bytes ?? 0)}): auditors and admins may download it.
          </span>
        )}
        <span className="text-muted-foreground">{until} The ZIP holds index.csv, one line per execution, with each PDF or why it has none.</span>
      </div>
    );
  }
  if (artifact.expiresAt) {
    return (
      <Alert variant="warning" data-testid="job-artifact" data-state="expired">
        The ZIP expired on {formatDateTime(artifact.expiresAt)} and was removed. Ask for the export again from the executions list.
      </Alert>
    );
  }
  if (state === "QUEUED" || state === "RUNNING") {
    return (
      <p className="text-sm text-muted-foreground" data-testid="job-artifact" data-state="building">
        The ZIP can be downloaded here once every PDF has been fetched.
      </p>
    );
  }
  return null;
}
