import { Badge, type BadgeProps } from "@/components/ui/badge";
import { PROFILE_STATUS_LABELS, SERVICE_OUTCOME_LABELS } from "@/lib/profiles/list-shape";

// One colour per meaning wherever a status, a service outcome or a decision shows (lists, case pages).

export const PROFILE_STATUS_BADGE: Record<string, BadgeProps["variant"]> = {
  PENDING_REVIEW: "warning",
  COMPLETED: "info",
  ACCEPTED: "success",
  REJECTED: "destructive",
  IN_PROGRESS: "secondary",
  NOT_STARTED: "outline",
  ABANDONED: "outline",
};

export const SERVICE_OUTCOME_BADGE: Record<string, BadgeProps["variant"]> = {
  ALL_MATCHED: "success",
  SOME_FAILED: "destructive",
  PENDING: "warning",
  NONE: "outline",
};

/** Jumio's decision types and TrustX's outcomes. */
export const DECISION_BADGE: Record<string, BadgeProps["variant"]> = {
  PASSED: "success",
  Accepted: "success",
  REJECTED: "destructive",
  Declined: "destructive",
  WARNING: "warning",
  Review: "warning",
};

export function ProfileStatusBadge({ status, ...props }: { status: string } & Omit<BadgeProps, "variant">) {
  return (
    <Badge variant={PROFILE_STATUS_BADGE[status] ?? "outline"} data-status={status} {...props}>
      {PROFILE_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

export function ServiceOutcomeBadge({ outcome }: { outcome: string }) {
  return <Badge variant={SERVICE_OUTCOME_BADGE[outcome] ?? "outline"}>{SERVICE_OUTCOME_LABELS[outcome as keyof typeof SERVICE_OUTCOME_LABELS] ?? outcome}</Badge>;
}

export function DecisionBadge({ decision, ...props }: { decision: string | null } & Omit<BadgeProps, "variant">) {
  if (!decision) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant={DECISION_BADGE[decision] ?? "secondary"} {...props}>
      {decision}
    </Badge>
  );
}
