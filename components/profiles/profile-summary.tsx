import type { TProfileCase, TStatusChange } from "@/lib/profiles/detail";
import { formatAge, formatDateTime } from "@/lib/format";
import { ProfileStatusBadge, ServiceOutcomeBadge } from "@/components/badges/status";

type Props = {
  profile: TProfileCase["profile"];
  statusChange: TStatusChange;
  workflows: string[];
  /** The status changer, for those who may use it. */
  statusAction?: React.ReactNode;
};

/** The case's header facts: what it is, where it stands, who moved it there, and how fresh our copy is. */
export function ProfileSummary({ profile, statusChange, workflows, statusAction }: Props) {
  const changed = statusChange
    ? `${statusChange.where === "here" ? `by ${statusChange.by ?? "someone"} here` : "in Trulioo"}, ${formatAge(statusChange.at)}`
    : profile.statusManuallyChanged
      ? "by hand in Trulioo"
      : "by the workflow";
  const facts: [string, React.ReactNode, string?][] = [
    ["Client id", <span key="id" className="font-mono text-xs break-all">{profile.id}</span>],
    ["Type", profile.profileType === "BUSINESS" ? "Business" : profile.profileType === "NORMAL" ? "Person" : profile.profileType],
    ["Email", profile.email ?? "—"],
    ["Country", profile.country ?? "—"],
    ["Date of birth", profile.dateOfBirth ?? "—"],
    ["Workflows", workflows.join(", ") || "—"],
    ["Created", formatDateTime(profile.createdAt)],
    ["Last modified", formatDateTime(profile.lastModified)],
    ["Owners", profile.ownerIds.length ? <span key="owners" className="font-mono text-xs break-all">{profile.ownerIds.join(", ")}</span> : "—"],
    ["Services", <ServiceOutcomeBadge key="svc" outcome={profile.serviceOutcome} />],
    ["PII", profile.piiWipedAt ? <span key="w" className="font-medium text-destructive">wiped {formatDateTime(profile.piiWipedAt)}</span> : "held", "pii-state"],
    ["Local copy", <span key="s" title={formatDateTime(profile.syncedAt)}>synced {formatAge(profile.syncedAt)}</span>, "synced-at"],
  ];
  return (
    <section className="mb-6 rounded-lg border border-border bg-card p-4" aria-label="Profile facts">
      <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <ProfileStatusBadge status={profile.status} className="px-2.5 py-1 text-sm" data-testid="profile-status" />
        <span className="text-muted-foreground" data-testid="status-changed">
          set {changed}
          {statusChange ? <span className="sr-only"> ({formatDateTime(statusChange.at)})</span> : null}
        </span>
        {statusAction ? <span className="sm:ml-auto">{statusAction}</span> : null}
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 xl:grid-cols-3">
        {facts.map(([label, value, testId]) => (
          <div key={label} className="grid grid-cols-[7.5rem_1fr] gap-2" data-testid={testId}>
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
