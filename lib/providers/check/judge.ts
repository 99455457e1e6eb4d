import type { TBytes } from "../http";
import type { TInvalidItem } from "../lenient";
import type { TCheckIssue } from "./types";

/** The records a lenient list set aside: the page parsed, but these items did not. */
export function invalidItems(list: { valid: unknown[]; invalid: TInvalidItem[] }, field: string): TCheckIssue[] {
  return list.invalid.flatMap((item) =>
    item.issues.map((issue) => ({
      path: `${field}[]${issue.path ? `.${issue.path}` : ""}`,
      message: item.id ? `${issue.message} (item ${item.id})` : issue.message,
    })),
  );
}

const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

function sniff(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.type ?? null;
}

/**
 * A download is taken when it has bytes, a Content-Type of the expected family (`image/`, `application/pdf`)
 * and, for the formats we can recognise, bytes that are what the header says.
 */
export function fileIssues(file: TBytes, expected: string[]): TCheckIssue[] {
  const declared = file.contentType.split(";")[0]!.trim().toLowerCase();
  const issues: TCheckIssue[] = [];
  if (file.bytes.length === 0) issues.push({ path: "(body)", message: "is empty" });
  if (!expected.some((prefix) => declared.startsWith(prefix))) {
    issues.push({ path: "Content-Type", message: `is ${declared || "missing"}; expected ${expected.join(" or ")}` });
  }
  const actual = sniff(file.bytes);
  if (actual && declared && actual !== declared) issues.push({ path: "(body)", message: `is ${actual}, but Content-Type says ${declared}` });
  return issues;
}
