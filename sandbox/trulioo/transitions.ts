// The P1 status transition table (§1.3; the COMPLETED row is the contract's decision).
import type { Status } from "../data/truliooTypes";

export const TRANSITIONS: Record<Status, readonly Status[]> = {
  NOT_STARTED: [],
  IN_PROGRESS: ["ABANDONED"],
  ACCEPTED: ["REJECTED", "PENDING_REVIEW"],
  REJECTED: ["ACCEPTED", "PENDING_REVIEW"],
  PENDING_REVIEW: ["ACCEPTED", "REJECTED"],
  ABANDONED: [],
  COMPLETED: ["ACCEPTED", "REJECTED", "PENDING_REVIEW"],
};

export const TARGETS: ReadonlySet<Status> = new Set(["ACCEPTED", "REJECTED", "PENDING_REVIEW", "ABANDONED"]);
export const NEVER_TARGETS: ReadonlySet<string> = new Set(["NOT_STARTED", "IN_PROGRESS", "COMPLETED"]);
