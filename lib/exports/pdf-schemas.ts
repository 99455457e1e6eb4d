import { z } from "zod";

export const PDF_EXPORT_JOB = "executions.pdf_export";

/** The most executions one export may cover: a larger one is several date ranges. */
export const MAX_PDF_EXPORT = 5000;

const ZDaySchema = z.iso.date();

/**
 * Which executions: those matching the executions list's filter (its URL query), those created in a
 * range of days, or exact ids ("Retry the failed ones"). Resolved on the server when asked, never
 * trusted from the page.
 */
export const ZPdfSelectionSchema = z.union([
  z.object({ query: z.string().max(4000) }),
  z
    .object({ createdFrom: ZDaySchema, createdTo: ZDaySchema })
    .refine((r) => r.createdFrom <= r.createdTo, { message: "The range ends before it starts.", path: ["createdTo"] }),
  z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(MAX_PDF_EXPORT) }),
]);
export type TPdfSelection = z.output<typeof ZPdfSelectionSchema>;

/** The job's parameters: what was asked for, for the Jobs page, the audit trail and a retry. */
export const ZPdfExportPayloadSchema = z.object({ selection: ZPdfSelectionSchema });
export type TPdfExportPayload = z.output<typeof ZPdfExportPayloadSchema>;

/** Why an execution is in the index without a PDF, decided when the export is asked for. */
export const PDF_SKIP_REASONS = {
  trustx: "no PDF: TrustX",
  wiped: "wiped",
  no_account: "no Jumio account on record",
} as const;
export type TPdfSkipReason = keyof typeof PDF_SKIP_REASONS;

/** The entry name of one execution's PDF inside the ZIP (ids are the provider's; kept to safe characters). */
export function pdfEntryName(executionId: string): string {
  return `pdfs/jumio-${executionId.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 120)}.pdf`;
}

export const INDEX_ENTRY = "index.csv";
