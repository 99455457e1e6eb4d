import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { recordRecordView } from "@/lib/audit/views";
import { findProfileFiles } from "@/lib/files/queries";
import { findProfileNotes } from "@/lib/profiles/notes";
import { ProfileNotes } from "@/components/profiles/profile-notes";
import { getProfile } from "@/lib/profiles/queries";
import { PROFILE_STATUS_LABELS, SERVICE_OUTCOME_LABELS } from "@/lib/profiles/schemas";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Profile" };

type Props = { params: Promise<{ id: string }> };

// The case page proper (form data, file previews, services, executions, decisions) comes with the
// review issue; this is where the list's rows lead meanwhile. Opening it is a PII-access audit event.
export default async function ProfilePage({ params }: Props) {
  const user = await requirePageUser("profiles.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const profile = await getProfile(id.data);
  if (!profile) notFound();
  await recordRecordView(user, { type: "profile", id: profile.id });
  const [files, notes] = await Promise.all([
    can(user.role, "files.download") && !profile.piiWipedAt ? findProfileFiles(profile.id) : [],
    findProfileNotes(profile.id),
  ]);
  const facts: [string, React.ReactNode][] = [
    ["Client id", <span key="id" className="font-mono text-xs">{profile.id}</span>],
    ["Email", profile.email ?? "—"],
    ["Country", profile.country ?? "—"],
    ["Type", profile.profileType],
    ["Created", formatDateTime(profile.createdAt)],
    ["Last modified", formatDateTime(profile.lastModified)],
    ["Services", SERVICE_OUTCOME_LABELS[profile.serviceOutcome as keyof typeof SERVICE_OUTCOME_LABELS] ?? profile.serviceOutcome],
    ["Executions", profile.executionCount ? `${profile.executionCount} · latest ${profile.latestDecision ?? "—"}` : "none"],
    ["Linked clients", String(profile.linkCount)],
    ["PII wiped", profile.piiWipedAt ? formatDateTime(profile.piiWipedAt) : "no"],
  ];
  return (
    <>
      <PageHeader
        title={profile.fullName ?? "(no name)"}
        description={`Status: ${PROFILE_STATUS_LABELS[profile.status] ?? profile.status}`}
        actions={<Link href="/profiles" className="text-sm text-primary hover:underline">Back to profiles</Link>}
      />
      <dl className="grid max-w-2xl grid-cols-[10rem_1fr] gap-y-2 rounded-lg border border-border bg-card p-4 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {files.length ? (
        <section className="mt-6 max-w-2xl space-y-2">
          <h2 className="text-base font-semibold">Files</h2>
          <ul className="divide-y divide-border rounded-lg border border-border bg-card text-sm" data-testid="profile-files">
            {files.map((f) => (
              <li key={f.href} className="flex items-center justify-between gap-4 px-4 py-2">
                <span className="truncate">
                  <span className="font-medium">{f.label}</span>
                  {f.workflow ? <span className="ml-2 text-xs text-muted-foreground">{f.workflow}</span> : null}
                  {f.enhanced ? <span className="ml-2 text-xs text-muted-foreground">enhanced</span> : null}
                  {f.position > 0 ? <span className="ml-2 text-xs text-muted-foreground">#{f.position + 1}</span> : null}
                </span>
                <span className="flex shrink-0 gap-3">
                  <a href={`${f.href}&inline=1`} target="_blank" rel="noopener" className="text-primary hover:underline">
                    Open
                  </a>
                  <a href={f.href} download className="text-primary hover:underline">
                    Download
                  </a>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ProfileNotes profileId={profile.id} notes={notes} canWrite={can(user.role, "profiles.notes")} />
    </>
  );
}
