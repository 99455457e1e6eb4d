import Link from "next/link";
import type { TProfileCase } from "@/lib/profiles/detail";
import { formatDateTime } from "@/lib/format";
import { DecisionBadge, ProfileStatusBadge } from "@/components/badges/status";
import { Badge } from "@/components/ui/badge";
import { LinkDialog, UnlinkButton } from "./link-dialog";

function Panel({ title, children, testId, action }: { title: string; children: React.ReactNode; testId: string; action?: React.ReactNode }) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

const empty = (text: string) => <p className="text-sm text-muted-foreground">{text}</p>;

/** Linked end clients, seen from this profile's side; linking and unlinking for those who may. */
export function ProfileLinks({ profileId, links, canLink }: { profileId: string; links: TProfileCase["links"]; canLink: boolean }) {
  return (
    <Panel title="Linked clients" testId="profile-links" action={canLink ? <LinkDialog profileId={profileId} /> : null}>
      {links.length === 0 ? empty("No links.") : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-card text-sm">
          {links.map((l) => (
            <li key={`${l.side}-${l.other.id}`} className="flex items-center justify-between gap-3 px-3 py-2" data-testid="profile-link" data-type={l.type} data-side={l.side}>
              <span className="min-w-0">
                <span className="block text-xs text-muted-foreground">{l.label}</span>
                <Link href={`/profiles/${l.other.id}`} className="font-medium text-primary hover:underline">
                  {l.other.fullName ?? l.other.id}
                </Link>
              </span>
              <span className="flex shrink-0 items-center gap-1">
                <ProfileStatusBadge status={l.other.status} />
                {canLink ? <UnlinkButton fromId={profileId} toId={l.other.id} name={l.other.fullName ?? l.other.id} /> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** This person's Jumio and TrustX runs, newest first. */
export function ProfileExecutions({ executions }: { executions: TProfileCase["executions"] }) {
  return (
    <Panel title="Verifications" testId="profile-executions">
      {executions.length === 0 ? empty("No Jumio or TrustX verification is linked to this client.") : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-card text-sm">
          {executions.map((e) => (
            <li key={`${e.provider}-${e.id}`} className="flex items-center justify-between gap-3 px-3 py-2">
              <span className="min-w-0">
                <span className="flex items-center gap-2">
                  <Badge variant="outline">{e.provider === "JUMIO" ? "Jumio" : "TrustX"}</Badge>
                  <Link href={`/executions/${encodeURIComponent(e.id)}`} className="truncate font-mono text-xs text-primary hover:underline">
                    {e.id}
                  </Link>
                </span>
                <span className="mt-0.5 block text-xs text-muted-foreground">
                  {e.definition ?? e.status} · {formatDateTime(e.createdAt)}
                </span>
              </span>
              <span className="flex shrink-0 items-center gap-2">
                {e.riskScore !== null ? <span className="text-xs tabular-nums text-muted-foreground">risk {e.riskScore}</span> : null}
                <DecisionBadge decision={e.decisionType} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** Trulioo's tasks on this client (read-only here). */
export function ProfileTasks({ tasks }: { tasks: TProfileCase["tasks"] }) {
  return (
    <Panel title="Tasks in Trulioo" testId="profile-tasks">
      {tasks.length === 0 ? empty("None.") : (
        <ul className="space-y-2 text-sm">
          {tasks.map((t) => (
            <li key={t.id} className="rounded-lg border border-border bg-muted/40 p-3">
              <p className={t.resolved ? "whitespace-pre-wrap break-words text-muted-foreground line-through" : "whitespace-pre-wrap break-words"}>{t.text}</p>
              <p className="mt-1 text-xs text-muted-foreground">
                {t.resolved ? "done" : "open"}
                {t.createdBy ? ` · ${t.createdBy}` : ""}
                {t.createdAt ? ` · ${formatDateTime(t.createdAt)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
