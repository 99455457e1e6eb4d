import Link from "next/link";
import type { TTimelineEntry } from "@/lib/profiles/timeline";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";

/** What happened to this case, here and upstream, newest first. */
export function ProfileTimeline({ entries }: { entries: TTimelineEntry[] }) {
  return (
    <section className="mt-8 space-y-3" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="text-base font-semibold">Timeline</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing on record yet.</p>
      ) : (
        <ol className="relative space-y-3 border-l border-border pl-5 text-sm" data-testid="timeline">
          {entries.map((e, i) => (
            <li key={i} className="relative" data-testid="timeline-entry" data-origin={e.origin}>
              <span className={`absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full ring-4 ring-background ${e.origin === "ours" ? "bg-primary" : "bg-muted-foreground/50"}`} aria-hidden />
              <div className="flex flex-wrap items-baseline gap-x-2">
                <time dateTime={e.at.toISOString()} className="text-xs tabular-nums text-muted-foreground">{formatDateTime(e.at)}</time>
                {e.href ? <Link href={e.href} className="font-medium text-primary hover:underline">{e.title}</Link> : <span className="font-medium">{e.title}</span>}
                {e.outcome && e.outcome !== "SUCCESS" ? <Badge variant="destructive">{e.outcome.toLowerCase()}</Badge> : null}
              </div>
              {e.actor || e.detail ? (
                <p className="text-xs text-muted-foreground">{[e.actor, e.detail].filter(Boolean).join(" · ")}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
