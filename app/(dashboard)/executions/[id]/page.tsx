import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { recordRecordView } from "@/lib/audit/views";
import { getExecutionDetail } from "@/lib/executions/detail";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Execution" };

type Props = { params: Promise<{ id: string }> };

// The full execution page (document viewer with zoom and rotation, extracted data beside what the person
// entered in Trulioo, steps and rules, feedback and PDF actions) comes with the review issue; this shows
// the decision and the captured images. Opening it is a PII-access audit event.
export default async function ExecutionPage({ params }: Props) {
  const user = await requirePageUser("executions.read");
  const id = z.string().min(1).max(200).safeParse((await params).id);
  if (!id.success) notFound();
  const execution = await getExecutionDetail(id.data);
  if (!execution) notFound();
  await recordRecordView(user, { type: "execution", id: execution.id });
  const person = [execution.firstName, execution.lastName].filter(Boolean).join(" ") || "(no name)";
  const showImages = can(user.role, "files.download") && !execution.wipedOutAt;
  const facts: [string, React.ReactNode][] = [
    ["Execution", <span key="id" className="font-mono text-xs">{execution.id}</span>],
    ["Provider", execution.provider === "JUMIO" ? "Jumio" : "TrustX"],
    ["Status", execution.status],
    ["Decision", execution.decisionType ? `${execution.decisionType}${execution.decisionLabel ? ` · ${execution.decisionLabel}` : ""}` : "—"],
    ["Risk score", execution.riskScore ?? "—"],
    ["Definition", execution.definition ?? "—"],
    ["Account", execution.accountId ? <span key="acct" className="font-mono text-xs">{execution.accountId}</span> : "—"],
    ["Profile", execution.profileId ? <Link key="p" href={`/profiles/${execution.profileId}`} className="text-primary hover:underline">open the profile</Link> : "not linked"],
    ["Created", formatDateTime(execution.createdAt)],
    ["Completed", execution.completedAt ? formatDateTime(execution.completedAt) : "—"],
    ["Fraud feedback", execution.feedbackStatus ? `${execution.feedbackStatus}${execution.feedbackReason ? ` · ${execution.feedbackReason}` : ""}` : "—"],
    ["PII wiped", execution.wipedOutAt ? formatDateTime(execution.wipedOutAt) : "no"],
    ["Synced", formatDateTime(execution.syncedAt)],
  ];
  return (
    <>
      <PageHeader
        title={person}
        description={`${execution.provider === "JUMIO" ? "Jumio workflow execution" : "TrustX process instance"} · ${execution.status}`}
        actions={<Link href="/executions" className="text-sm text-primary hover:underline">Back to executions</Link>}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,42rem)_1fr]">
        <dl className="grid grid-cols-[10rem_1fr] gap-y-2 self-start rounded-lg border border-border bg-card p-4 text-sm" data-testid="execution-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
        {execution.decisions.length ? (
          <section className="space-y-2 self-start">
            <h2 className="text-base font-semibold">Decisions by capability</h2>
            <ul className="divide-y divide-border rounded-lg border border-border bg-card text-sm">
              {execution.decisions.map((d, i) => (
                <li key={`${d.capability}-${i}`} className="flex items-center justify-between gap-4 px-4 py-2">
                  <span>{d.capability}</span>
                  <span className="flex items-center gap-2">
                    {d.label ? <span className="text-xs text-muted-foreground">{d.label}</span> : null}
                    <Badge variant={d.type === "PASSED" ? "success" : d.type === "REJECTED" ? "destructive" : d.type === "WARNING" ? "warning" : "secondary"}>{d.type}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      {showImages && execution.images.length ? (
        <section className="mt-6 space-y-2">
          <h2 className="text-base font-semibold">Captured images</h2>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="execution-images">
            {execution.images.map((image) => (
              <figure key={image.href} className="overflow-hidden rounded-lg border border-border bg-card">
                {/* eslint-disable-next-line @next/next/no-img-element -- streamed through an authorised route, never optimised or cached */}
                <img src={image.href} alt={`${image.category} ${image.classifier}`} loading="lazy" className="h-64 w-full bg-muted object-contain" />
                <figcaption className="flex items-center justify-between px-3 py-2 text-xs text-muted-foreground">
                  <span>
                    {image.category} · {image.classifier}
                  </span>
                  <a href={image.href.replace("?inline=1", "")} download className="text-primary hover:underline">
                    Download
                  </a>
                </figcaption>
              </figure>
            ))}
          </div>
        </section>
      ) : null}
      {execution.wipedOutAt ? <p className="mt-6 text-sm text-muted-foreground">This execution&apos;s personal data was wiped; its images are gone.</p> : null}
    </>
  );
}
