import { FileDown } from "lucide-react";
import type { TPermission } from "@/lib/auth/permissions";
import type { TWipePlan } from "@/lib/wipes/plan";
import { WIPE_ALL } from "@/lib/wipes/schemas";
import { WipeButton } from "@/components/wipes/wipe-dialog";

/** What an action on one execution needs to know about it. */
export type TExecutionActionTarget = {
  provider: "JUMIO" | "TRUSTX";
  id: string;
  accountId: string | null;
  wipedOutAt: Date | null;
  feedbackStatus: string | null;
};

type Props = {
  execution: TExecutionActionTarget;
  permissions: readonly TPermission[];
  /** What the wipe dialogs say (for pii.wipe only): this execution, and every execution of its Jumio account. */
  wipe?: { execution: TWipePlan | null; account: (TWipePlan & { executions: number }) | null };
};

/**
 * The execution's actions, in the page header, each shown only to the permissions that may use it (the
 * route or server action behind it checks again): the transaction PDF (exports.pdf) and the PII wipes of
 * this execution or of its whole Jumio account (pii.wipe). Fraud feedback has its own panel on the page.
 */
export function ExecutionActions({ execution, permissions, wipe }: Props) {
  const pdf = execution.provider === "JUMIO" && !execution.wipedOutAt && execution.accountId !== null && permissions.includes("exports.pdf");
  const canWipe = permissions.includes("pii.wipe") && wipe;
  return (
    <>
      {pdf ? (
        <a
          href={`/api/executions/${encodeURIComponent(execution.id)}/pdf`}
          download
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-input bg-background px-3 text-sm font-medium hover:bg-accent"
          data-testid="download-pdf"
        >
          <FileDown className="size-4" aria-hidden /> Download PDF
        </a>
      ) : null}
      {canWipe && wipe.execution && !execution.wipedOutAt ? (
        <WipeButton
          target={{ kind: "execution", id: execution.id }}
          label="Wipe execution…"
          title="Wipe this execution's personal data"
          erases={wipe.execution.erases}
          keeps={wipe.execution.keeps}
          confirmation={execution.id}
        />
      ) : null}
      {canWipe && wipe.account && execution.accountId ? (
        <WipeButton
          target={{ kind: "account", id: execution.accountId }}
          label={`Wipe account (${wipe.account.executions})…`}
          title="Wipe every execution of this Jumio account"
          erases={wipe.account.erases}
          keeps={wipe.account.keeps}
          confirmation={WIPE_ALL}
        />
      ) : null}
    </>
  );
}
