import { FileDown } from "lucide-react";
import type { TPermission } from "@/lib/auth/permissions";

/** What an action on one execution needs to know about it. */
export type TExecutionActionTarget = {
  provider: "JUMIO" | "TRUSTX";
  id: string;
  accountId: string | null;
  wipedOutAt: Date | null;
  feedbackStatus: string | null;
};

type Props = { execution: TExecutionActionTarget; permissions: readonly TPermission[] };

/**
 * The execution's actions, in the page header, each shown only to the permissions that may use it (the
 * route or server action behind it checks again): the transaction PDF (exports.pdf). Fraud feedback has
 * its own panel on the page; the PII wipe (pii.wipe) comes with its own change.
 */
export function ExecutionActions({ execution, permissions }: Props) {
  const pdf = execution.provider === "JUMIO" && !execution.wipedOutAt && execution.accountId !== null && permissions.includes("exports.pdf");
  if (!pdf) return null;
  return (
    <a
      href={`/api/executions/${encodeURIComponent(execution.id)}/pdf`}
      download
      className="inline-flex h-8 items-center gap-1.5 rounded-md border border-input bg-background px-3 text-sm font-medium hover:bg-accent"
      data-testid="download-pdf"
    >
      <FileDown className="size-4" aria-hidden /> Download PDF
    </a>
  );
}
