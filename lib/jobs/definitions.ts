import { pdfExportJob } from "@/lib/exports/pdf-job";
import { bulkStatusJob } from "@/lib/profiles/status/bulk-job";
import { wipeAccountJob } from "@/lib/wipes/account-job";
import type { TAnyJobDefinition } from "./define";

// Every kind of job the worker runs, one definition per file beside its domain. A new long action is a
// definition added here; the worker, the Jobs page and approvals need nothing else.
export const JOB_DEFINITIONS: readonly TAnyJobDefinition[] = [bulkStatusJob, wipeAccountJob, pdfExportJob];

export function jobDefinition(kind: string): TAnyJobDefinition | undefined {
  return JOB_DEFINITIONS.find((d) => d.kind === kind);
}
