import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { can, permissionsOf } from "@/lib/auth/permissions";
import { recordRecordView } from "@/lib/audit/views";
import { getExecutionDetail } from "@/lib/executions/detail";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { DecisionBadge } from "@/components/badges/status";
import { DocumentReview } from "@/components/executions/document-review";
import { ExecutionActions } from "@/components/executions/execution-actions";
import { FeedbackPanel } from "@/components/executions/feedback-panel";
import { findFeedbackHistory } from "@/lib/executions/feedback";
import { JumioSections } from "@/components/executions/jumio-sections";
import { TrustxSections } from "@/components/executions/trustx-sections";
import { AlertDescription, AlertTitle } from "@/components/ui/alert";
import { accountWipePlan, executionWipePlan } from "@/lib/wipes/plan";

export const metadata: Metadata = { title: "Execution" };

type Props = { params: Promise<{ id: string }> };

// One execution for review: its core, the captured images beside the vendor's reading of the document
// and what the person entered in Trulioo, then the provider's record. Opening it is a PII-access audit
// event; images need files.download, as their route does.
export default async function ExecutionPage({ params }: Props) {
  const user = await requirePageUser("executions.read");
  const id = z.string().min(1).max(200).safeParse((await params).id);
  if (!id.success) notFound();
  const execution = await getExecutionDetail(id.data);
  if (!execution) notFound();
  await recordRecordView(user, { type: "execution", id: execution.id });
  const person = [execution.firstName, execution.lastName].filter(Boolean).join(" ") || (execution.wipedOutAt ? "(wiped)" : "(no name)");
  const wipe = can(user.role, "pii.wipe")
    ? {
        execution: execution.wipedOutAt ? null : executionWipePlan(execution),
        account: execution.provider === "JUMIO" && execution.accountId ? await accountWipePlan(execution.accountId) : null,
      }
    : undefined;
  const facts: [string, React.ReactNode][] = [
    ["Execution", <span key="id" className="font-mono text-xs break-all">{execution.id}</span>],
    ["Provider", execution.provider === "JUMIO" ? "Jumio" : "TrustX"],
    ["Status", execution.status],
    [
      "Decision",
      execution.decisionType ? (
        <span key="d" className="flex flex-wrap items-center gap-2">
          <DecisionBadge decision={execution.decisionType} />
          {execution.decisionLabel && execution.decisionLabel !== execution.decisionType ? <span className="text-xs text-muted-foreground">{execution.decisionLabel}</span> : null}
        </span>
      ) : "—",
    ],
    ["Risk score", execution.riskScore ?? "—"],
    ["Definition", execution.definition ?? "—"],
    ["Account", execution.accountId ? <span key="acct" className="font-mono text-xs break-all">{execution.accountId}</span> : "—"],
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
        description={execution.provider === "JUMIO" ? `Jumio workflow execution · ${execution.status}` : `TrustX process instance · ${execution.decisionLabel ?? execution.status}`}
        actions={
          <>
            <ExecutionActions execution={execution} permissions={permissionsOf(user.role)} wipe={wipe} />
            <Link href="/executions" className="text-sm text-primary hover:underline">Back to executions</Link>
          </>
        }
      />
      <div className="space-y-6">
        {execution.wipedOutAt ? (
          <Alert variant="destructive" data-testid="pii-wiped">
            <AlertTitle>PII wiped</AlertTitle>
            <AlertDescription>
              This execution&apos;s personal data was wiped on {formatDateTime(execution.wipedOutAt)}: no names, extracted data or images are
              held here{execution.provider === "JUMIO" ? " or at Jumio" : " (TrustX keeps its own copy)"}. Ids, statuses and decisions stay.
            </AlertDescription>
          </Alert>
        ) : null}
        {execution.problems.length ? (
          <Alert variant="warning" data-testid="execution-problems">
            <div className="space-y-1">
              <p className="font-medium">Part of the stored provider record could not be read; the rest of the page shows what could.</p>
              <ul className="list-disc pl-5 text-xs">
                {execution.problems.map((p) => (
                  <li key={p.part}>
                    {p.part}: {p.issues.join("; ")}
                  </li>
                ))}
              </ul>
            </div>
          </Alert>
        ) : null}
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-border bg-card p-4 text-sm sm:grid-cols-[10rem_1fr] sm:gap-y-2 xl:grid-cols-[10rem_1fr_10rem_1fr]" data-testid="execution-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="mb-1 min-w-0 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        <DocumentReview execution={execution} canSeeImages={can(user.role, "files.download")} />
        {execution.provider === "JUMIO" ? (
          <FeedbackPanel
            executionId={execution.id}
            current={{ status: execution.feedbackStatus, reason: execution.feedbackReason }}
            history={await findFeedbackHistory(execution.id)}
            canWrite={can(user.role, "executions.feedback") && execution.accountId !== null}
          />
        ) : null}
        {execution.jumio ? <JumioSections view={execution.jumio} wiped={!!execution.wipedOutAt} /> : null}
        {execution.trustx ? <TrustxSections view={execution.trustx} /> : null}
      </div>
    </>
  );
}
