import { Badge, type BadgeProps } from "@/components/ui/badge";

// Jumio decision types and TrustX statuses in one colour scheme; the badge always carries the word, so
// colour never stands alone.
const VARIANTS: Record<string, BadgeProps["variant"]> = {
  PASSED: "success",
  WARNING: "warning",
  REJECTED: "destructive",
  NOT_EXECUTED: "secondary",
  COMPLETED_ENDED_SUCCESS: "success",
  COMPLETED_ENDED_ERROR: "destructive",
  COMPLETED_PROCESS_ERROR: "destructive",
  COMPLETED_TERMINATED: "secondary",
  REVIEW: "warning",
  ACTIVE: "info",
  PENDING: "info",
};

export function DecisionBadge({ type, children }: { type: string; children?: React.ReactNode }) {
  return (
    <Badge variant={VARIANTS[type] ?? "outline"} data-decision={type}>
      {children ?? type}
    </Badge>
  );
}
