import type { TInboxHealth } from "@/lib/webhooks/queries";
import { Badge } from "@/components/ui/badge";

function formatWait(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Depth, oldest wait and drain rate of the webhook inbox, with an alert past the configured wait. */
export function InboxHealth({ health }: { health: TInboxHealth }) {
  const figures = [
    { label: "Waiting", value: health.depth.toLocaleString("en"), testId: "inbox-depth" },
    { label: "Oldest waits", value: formatWait(health.oldestWaitSeconds), testId: "inbox-oldest" },
    {
      label: "Drained",
      // Per second in a storm; per minute when quiet, where a per-second figure would round to nothing.
      value: health.drainPerSecond >= 1 ? `${health.drainPerSecond.toLocaleString("en")} / s` : `${health.drainedLastMinute.toLocaleString("en")} / min`,
      testId: "inbox-rate",
      hint: "last minute",
    },
    { label: "Failed", value: health.failedLastHour.toLocaleString("en"), testId: "inbox-failed", hint: "last hour" },
  ];
  return (
    <div
      data-testid="inbox-health"
      data-alert={health.alert ? "true" : "false"}
      className={`flex flex-wrap items-center gap-x-8 gap-y-3 rounded-lg border px-4 py-3 ${health.alert ? "border-destructive/40 bg-destructive/5" : "border-border bg-card"}`}
    >
      {figures.map((f) => (
        <div key={f.label} className="min-w-24">
          <div className="text-xs text-muted-foreground">
            {f.label}
            {f.hint ? <span className="ml-1 text-muted-foreground/70">({f.hint})</span> : null}
          </div>
          <div className="text-lg font-semibold tabular-nums" data-testid={f.testId}>
            {f.value}
          </div>
        </div>
      ))}
      <div className="ml-auto">
        {health.alert ? (
          <Badge variant="destructive" role="status">
            Behind: the oldest event has waited over {formatWait(health.alertAfterSeconds)}
          </Badge>
        ) : health.depth > 0 ? (
          <Badge variant="info" role="status">Draining</Badge>
        ) : (
          <Badge variant="success" role="status">Up to date</Badge>
        )}
      </div>
    </div>
  );
}
