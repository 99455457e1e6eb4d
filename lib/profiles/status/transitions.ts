// The contract's transition table for a status set by hand (P1), and the reasons offered with it.
// Pure: the list's dialog, the case page and the server all read the same rules.

import { PROFILE_STATUS_LABELS } from "@/lib/profiles/list-shape";
import type { TStatusTarget } from "@/lib/providers/trulioo/schemas";

export { STATUS_TARGETS, type TStatusTarget } from "@/lib/providers/trulioo/schemas";

const ALLOWED: Record<string, readonly TStatusTarget[]> = {
  NOT_STARTED: [],
  IN_PROGRESS: ["ABANDONED"],
  ACCEPTED: ["REJECTED", "PENDING_REVIEW"],
  REJECTED: ["ACCEPTED", "PENDING_REVIEW"],
  PENDING_REVIEW: ["ACCEPTED", "REJECTED"],
  ABANDONED: [],
  // Not in Trulioo's documented table; the contract decides it like a finished flow waiting for a decision.
  COMPLETED: ["ACCEPTED", "REJECTED", "PENDING_REVIEW"],
};

/** Where a profile may go from its current status (none from a status the table does not know). */
export function allowedTargets(from: string): readonly TStatusTarget[] {
  return ALLOWED[from] ?? [];
}

export type TTransitionCheck = { ok: true; noop: boolean } | { ok: false; reason: string };

/** Whether the contract lets `from` become `to`; the same status is a harmless no-op upstream. */
export function checkTransition(from: string, to: TStatusTarget): TTransitionCheck {
  if (from === to) return { ok: true, noop: true };
  if (allowedTargets(from).includes(to)) return { ok: true, noop: false };
  return { ok: false, reason: `Trulioo does not allow ${from} → ${to}.` };
}

/** A reason is required when a case is rejected (Trulioo's DECLINED is the same status). */
export const reasonRequired = (to: TStatusTarget) => to === "REJECTED";

export const DEFAULT_STATUS_REASONS = [
  "Documents verified",
  "Identity confirmed by a second source",
  "Document appears forged or altered",
  "Face does not match the document",
  "Sanctions or PEP match confirmed",
  "Information inconsistent across sources",
  "Customer asked to be removed",
  "Needs more information from the customer",
] as const;

/** The configured reasons (STATUS_REASONS, "|"-separated), or the defaults. */
export function statusReasons(configured: string | undefined): string[] {
  const list = (configured ?? "").split("|").map((r) => r.trim()).filter(Boolean);
  return list.length ? [...new Set(list)] : [...DEFAULT_STATUS_REASONS];
}

/** A status a person may pick, as the browser needs it (the rules stay on the server's side). */
export type TStatusOption = { value: TStatusTarget; label: string; reasonRequired: boolean };

export function statusOptions(targets: readonly TStatusTarget[]): TStatusOption[] {
  return targets.map((value) => ({ value, label: PROFILE_STATUS_LABELS[value] ?? value, reasonRequired: reasonRequired(value) }));
}
