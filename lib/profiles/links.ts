// A link is stored once, as sent (contract: one per unordered pair, "OWNS"/"OWNED_BY" are inverses for
// display only), so the profile at its "to" end reads it backwards.
const FORWARD: Record<string, string> = {
  RELATES_TO: "Relates to",
  DUPLICATE_OF: "Duplicate of",
  OWNS: "Owns",
  OWNED_BY: "Owned by",
};
const BACKWARD: Record<string, string> = {
  RELATES_TO: "Relates to",
  DUPLICATE_OF: "Has a duplicate",
  OWNS: "Owned by",
  OWNED_BY: "Owns",
};

/** How a stored link reads from one of its ends; an unknown type is shown as Trulioo spells it. */
export function linkFromSide(type: string, side: "from" | "to"): { type: string; side: "from" | "to"; label: string } {
  const label = (side === "from" ? FORWARD : BACKWARD)[type] ?? type;
  return { type, side, label };
}
