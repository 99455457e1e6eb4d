import type { findSyncErrors } from "@/lib/sync/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";

type TErrors = Awaited<ReturnType<typeof findSyncErrors>>;

/** A run's rejected records: what was wrong, where, and the payload as received. */
export function RunErrors({ errors }: { errors: TErrors }) {
  if (errors.length === 0) return <EmptyState title="No errors in this run" description="Every record it read was valid." />;
  return (
    <ul className="space-y-2" data-testid="sync-errors">
      {errors.map((e) => (
        <li key={e.id.toString()} className="rounded-lg border border-border bg-card p-3">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
            <span className="font-medium">{e.source}</span>
            <span className="font-mono text-xs text-muted-foreground">{e.externalId ?? "no id"}</span>
            <span className="text-xs text-muted-foreground">{formatDateTime(e.createdAt)}</span>
          </div>
          <p className="mt-1 text-sm text-destructive">{e.message}</p>
          {Array.isArray(e.issues) ? (
            <ul className="mt-1 list-inside list-disc text-xs text-muted-foreground">
              {(e.issues as { path?: string; message?: string }[]).slice(0, 5).map((issue, i) => (
                <li key={i}>
                  <span className="font-mono">{issue.path || "(root)"}</span>: {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
          {e.raw !== null ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-xs font-medium text-primary">Payload</summary>
              <pre className="mt-2 max-h-72 overflow-auto rounded bg-muted p-2 font-mono text-xs">{JSON.stringify(e.raw, null, 2)}</pre>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
