import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { getProfile } from "@/lib/profiles/queries";
import { PROFILE_STATUS_LABELS, SERVICE_OUTCOME_LABELS } from "@/lib/profiles/schemas";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Profile" };

type Props = { params: Promise<{ id: string }> };

// The case page proper (form data, files, services, executions, decisions) comes with the review
// issue; this is where the list's rows lead meanwhile.
export default async function ProfilePage({ params }: Props) {
  await requirePageUser("profiles.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const profile = await getProfile(id.data);
  if (!profile) notFound();
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
    </>
  );
}
