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
 * The execution's actions, in the page header: fraud feedback (executions.feedback), the PDF
 * (exports.pdf) and the PII wipe (pii.wipe) arrive with their own issues, each shown only to the
 * permissions that may use it and each a server action that checks again. None exists yet, so this
 * renders nothing.
 */
export function ExecutionActions(_props: Props) {
  return null;
}
