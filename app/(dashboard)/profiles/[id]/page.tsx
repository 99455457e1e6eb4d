import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { recordRecordView } from "@/lib/audit/views";
import { getFlowSection, getProfileCase, lastStatusChange } from "@/lib/profiles/detail";
import { findProfileNotes } from "@/lib/profiles/notes";
import { getProfileTimeline } from "@/lib/profiles/timeline";
import { PROFILE_STATUS_LABELS } from "@/lib/profiles/list-shape";
import { allowedTargets, statusOptions, statusReasons } from "@/lib/profiles/status/transitions";
import { getEnv } from "@/lib/env";
import { PageHeader } from "@/components/layout/page-header";
import { FlowSections } from "@/components/profiles/flow-sections";
import { ProfileExecutions, ProfileLinks, ProfileTasks } from "@/components/profiles/profile-relations";
import { ProfileNotes } from "@/components/profiles/profile-notes";
import { ProfileSummary } from "@/components/profiles/profile-summary";
import { ProfileTimeline } from "@/components/profiles/profile-timeline";
import { RefreshButton } from "@/components/profiles/refresh-button";
import { StatusChanger } from "@/components/profiles/status-changer";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { WipeButton } from "@/components/wipes/wipe-dialog";
import { formatDateTime } from "@/lib/format";
import { profileWipePlan } from "@/lib/wipes/plan";

export const metadata: Metadata = { title: "Profile" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The case page: everything an analyst needs to decide, from the local copy. Opening it is a
// PII-access audit event (at most one per user and profile per 10 minutes).
export default async function ProfilePage({ params, searchParams }: Props) {
  const user = await requirePageUser("profiles.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const canDownload = can(user.role, "files.download");
  const found = await getProfileCase(id.data);
  if (!found) notFound();
  const { profile, flows, tasks, links, executions } = found;
  // One flow at a time (?flow=): a client with 50 flows costs what its shown flow costs. An unknown
  // flow in the URL shows the first one.
  const wanted = (await searchParams).flow;
  const flow = flows.find((f) => f.flowId === wanted) ?? flows[0];
  await recordRecordView(user, { type: "profile", id: profile.id });
  const canWipe = can(user.role, "pii.wipe") && !profile.piiWipedAt;
  const [section, notes, statusChange, timeline, wipePlan] = await Promise.all([
    flow && !profile.piiWipedAt ? getFlowSection(profile.id, flow, { withFiles: canDownload }) : null,
    findProfileNotes(profile.id),
    lastStatusChange(profile.id),
    getProfileTimeline(profile, executions.map((e) => e.id)),
    canWipe ? profileWipePlan(profile.id) : null,
  ]);
  const workflows = [...new Set(flows.map((f) => f.workflow ?? f.flowId))];
  // A wiped profile keeps the status it ended with: there is nothing left to decide on.
  const statusAction =
    can(user.role, "profiles.status") && !profile.piiWipedAt ? (
      <StatusChanger
        profileId={profile.id}
        status={profile.status}
        statusLabel={PROFILE_STATUS_LABELS[profile.status] ?? profile.status}
        options={statusOptions(allowedTargets(profile.status))}
        reasons={statusReasons(getEnv().STATUS_REASONS)}
      />
    ) : null;
  return (
    <>
      <PageHeader
        title={profile.fullName ?? (profile.piiWipedAt ? "(wiped)" : "(no name)")}
        description={profile.email ?? undefined}
        actions={
          <>
            {can(user.role, "profiles.refresh") && !profile.piiWipedAt ? <RefreshButton profileId={profile.id} /> : null}
            {wipePlan ? (
              <WipeButton
                target={{ kind: "profile", id: profile.id }}
                label="Wipe personal data…"
                title="Wipe this person's personal data"
                erases={wipePlan.erases}
                keeps={wipePlan.keeps}
                confirmation={profile.id}
              />
            ) : null}
            <Link href="/profiles" className="text-sm text-primary hover:underline">
              Back to profiles
            </Link>
          </>
        }
      />
      {profile.piiWipedAt ? (
        <Alert variant="destructive" className="mb-6" data-testid="pii-wiped">
          <AlertTitle>PII wiped</AlertTitle>
          <AlertDescription>
            This person&apos;s personal data was wiped on {formatDateTime(profile.piiWipedAt)}: no form values, files, service results or
            Trulioo notes are held here any more, and a sync does not bring them back. The record stays for its history. Trulioo keeps its own copy.
          </AlertDescription>
        </Alert>
      ) : null}
      <ProfileSummary profile={profile} statusChange={statusChange} workflows={workflows} statusAction={statusAction} />
      <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section className="min-w-0 space-y-3" aria-labelledby="flows-title">
          <h2 id="flows-title" className="text-base font-semibold">
            Flows <span className="text-sm font-normal text-muted-foreground">({flows.length})</span>
          </h2>
          {profile.piiWipedAt ? (
            <p className="rounded-lg border border-border bg-card p-4 text-sm text-muted-foreground" data-testid="flows-wiped">
              Form values, files and service results were wiped with this person&apos;s data.
            </p>
          ) : (
            <FlowSections profileId={profile.id} flows={flows} section={section} canDownload={canDownload} wiped={false} />
          )}
        </section>
        <aside className="min-w-0 space-y-6">
          <ProfileLinks profileId={profile.id} links={links} canLink={can(user.role, "profiles.link")} />
          <ProfileExecutions executions={executions} />
          <ProfileTasks tasks={tasks} />
        </aside>
      </div>
      <ProfileNotes profileId={profile.id} notes={notes} canWrite={can(user.role, "profiles.notes")} />
      <ProfileTimeline entries={timeline} />
    </>
  );
}
