import type { TSetAside } from "@/lib/providers/lenient";
import { z } from "zod";

// Shared by the Jumio and TrustX readers of `executions.raw`: what the page says when part of a stored
// record no longer parses (the contract moved under us), and plain values out of free provider maps.

/** A part of the stored provider record that could not be read, and why, in words for the page. */
export type TReadProblem = { part: string; issues: string[] };

export function problemOf(part: string, error: z.ZodError): TReadProblem {
  const issues = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message));
  if (error.issues.length > 3) issues.push(`and ${error.issues.length - 3} more`);
  return { part, issues };
}

/** Items a lenient schema set aside (lib/providers/lenient.ts), as problems the page names. */
export function setAsideProblems(items: TSetAside[]): TReadProblem[] {
  return items.map((item) => ({
    part: `one of the ${item.part}${item.id ? ` (${item.id})` : ""}, left out`,
    issues: item.issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
  }));
}

/** A string out of a free map: strings as they are, numbers and booleans written out, anything else null. */
export const ZLooseTextSchema = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => (typeof v === "string" ? v : String(v)))
  .nullish()
  .catch(null);

/** camelCase or SNAKE_CASE keys as words, for headings of provider-named things. */
export function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}
