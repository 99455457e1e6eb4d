import { formatDateTime } from "@/lib/format";
import type { findFeedbackHistory } from "@/lib/executions/feedback";
import { FeedbackForm } from "./feedback-form";

type THistory = Awaited<ReturnType<typeof findFeedbackHistory>>;

const show = (status: string | null, reason: string | null) => (status ? `${status}${reason ? ` · ${reason}` : ""}` : "none");

/** Fraud feedback on a Jumio execution: where it stands, who changed it (from -> to), and the form for those who may. */
export function FeedbackPanel({ executionId, current, history, canWrite }: { executionId: string; current: { status: string | null; reason: string | null }; history: THistory; canWrite: boolean }) {
  return (
    <section className="space-y-3 rounded-lg border border-border bg-card p-4" aria-labelledby="feedback-title" data-testid="feedback-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="feedback-title" className="text-base font-semibold">Fraud feedback</h2>
        <span className="text-sm" data-testid="feedback-current">{show(current.status, current.reason)}</span>
      </div>
      {canWrite ? <FeedbackForm executionId={executionId} current={current} /> : null}
      {history.length === 0 ? (
        <p className="text-xs text-muted-foreground">No feedback set from here yet.</p>
      ) : (
        <ol className="space-y-1 text-xs" data-testid="feedback-history">
          {history.map((h) => (
            <li key={String(h.id)} className="flex flex-wrap gap-x-2">
              <time className="tabular-nums text-muted-foreground" dateTime={h.createdAt.toISOString()}>{formatDateTime(h.createdAt)}</time>
              <span>{h.actor.name}</span>
              <span className="text-muted-foreground">
                {show(h.fromStatus, h.fromReason)} → <span className="text-foreground">{show(h.toStatus, h.toReason)}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
