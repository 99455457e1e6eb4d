import { PROVIDER_LABELS } from "../errors";
import type { TCheckReport, TCheckResult } from "./types";

// The same words on the /sync page and in `npm run providers:check`. No zod, no server code: the page's
// client component imports this.

const MAX_ISSUES = 3;

/** One result in words: Accepted / Shape differs: … / Unreachable: … / Skipped: … / Not configured. */
export function describeResult(r: TCheckResult): string {
  switch (r.outcome) {
    case "accepted":
      return r.note ? `Accepted: ${r.note}` : "Accepted";
    case "differs": {
      const shown = r.issues.slice(0, MAX_ISSUES).map((i) => `${i.path || "(root)"} ${i.message}`);
      const more = r.issues.length > MAX_ISSUES ? `; and ${r.issues.length - MAX_ISSUES} more` : "";
      return `Shape differs: ${shown.join("; ")}${more}`;
    }
    case "failed":
      return `Unreachable: ${r.note ?? "failed"}`;
    case "skipped":
      return `Skipped: ${r.note ?? "not tried"}`;
    case "not_configured":
      return "Not configured";
  }
}

export function describeCall(r: TCheckResult): string {
  return r.outcome === "not_configured" ? "" : `${r.ref} ${r.method} ${r.path}`;
}

export function summarise(report: TCheckReport): string {
  const c = report.counts;
  const parts = [`${c.accepted} accepted`, `${c.differs} differ`, `${c.failed} unreachable`, `${c.skipped} skipped`];
  if (c.not_configured) parts.push(`${c.not_configured} provider${c.not_configured > 1 ? "s" : ""} not configured`);
  return `${report.ok ? "OK" : "NOT OK"}: ${parts.join(", ")} in ${(report.durationMs / 1000).toFixed(1)} s`;
}

/** A plain-text table for the terminal, one line per call, unknown fields under their call. */
export function formatReport(report: TCheckReport): string {
  const rows = report.results.map((r) => [PROVIDER_LABELS[r.provider], describeCall(r), r.status === null ? "-" : String(r.status), `${r.durationMs} ms`, describeResult(r)]);
  const head = ["provider", "call", "HTTP", "time", "result"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => Math.min(row[i]!.length, i === 1 ? 80 : 200))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  const out = [line(head), line(widths.map((w) => "-".repeat(w)))];
  report.results.forEach((r, i) => {
    out.push(line(rows[i]!));
    if (r.unknownFields.length) out.push(`${" ".repeat(widths[0]! + 2)}unknown fields: ${r.unknownFields.join(", ")}`);
  });
  out.push("", summarise(report));
  return out.join("\n");
}
