import { z } from "zod";
import type { TJumioConfig } from "../config";
import { DEFAULT_ENDPOINTS, JUMIO_PATHS } from "../endpoints";
import { JumioClient } from "../jumio/client";
import {
  ZExecutionListItemSchema,
  ZExecutionStatusSchema,
  ZJumioTokenSchema,
  ZPdfLinkSchema,
  ZRulesSchema,
  ZStepsSchema,
  ZTransactionRecordSchema,
  type TExecutionListItem,
  type TTransactionRecord,
} from "../jumio/schemas";
import { fileIssues, invalidItems } from "./judge";
import { Recorder } from "./recorder";
import { CallRunner, type TCallSpec } from "./runner";
import type { TCheckContext } from "./types";

// J6 needs a credential part with an href: executions are read (J2) until one has it, at most this many.
const EXECUTIONS_FOR_AN_IMAGE = 5;

const api = (path: string) => `${JUMIO_PATHS.api}${path}`;

function firstPart(record: TTransactionRecord) {
  for (const credential of record.credentials) {
    const part = credential.parts.find((p) => p.href);
    if (part) return { accountId: record.account.id, credentialId: credential.id, classifier: part.classifier };
  }
  return null;
}

/** Jumio's reads (contract §2.2): token, J1, J2-J5 of one execution, J6 an image, J7 the PDF link and bytes. */
export async function checkJumio(config: TJumioConfig, ctx: TCheckContext) {
  const recorder = new Recorder();
  const client = new JumioClient(config, { fetch: recorder.fetch, sleep: ctx.sleep });
  const e = config.endpoints ?? DEFAULT_ENDPOINTS.jumio;
  const run = new CallRunner(
    "jumio",
    recorder,
    { call: { ref: "§2.1", method: "POST", path: JUMIO_PATHS.token }, url: `${config.authUrl}${JUMIO_PATHS.token}`, schema: ZJumioTokenSchema },
    ctx.deadline,
    config.timeoutMs,
  );
  const J1: TCallSpec = { ref: "J1", method: "GET", path: api(e.executionsPath) };
  const J2: TCallSpec = { ref: "J2", method: "GET", path: api(JUMIO_PATHS.execution) };
  const J3: TCallSpec = { ref: "J3", method: "GET", path: api(JUMIO_PATHS.status) };
  const J4: TCallSpec = { ref: "J4", method: "GET", path: api(JUMIO_PATHS.steps) };
  const J5: TCallSpec = { ref: "J5", method: "GET", path: api(e.rulesPath) };
  const J6: TCallSpec = { ref: "J6", method: "GET", path: api(JUMIO_PATHS.part) };
  const J7: TCallSpec = { ref: "J7", method: "GET", path: api(e.pdfPath) };
  const J7pdf: TCallSpec = { ref: "J7", method: "GET", path: `{${e.pdfUrlField}} (the PDF itself)` };

  const list = await run.run(J1, () => client.listExecutions(1, 20), {
    walk: z.object({ workflowExecutions: z.array(ZExecutionListItemSchema) }),
    judge: (page) => invalidItems(page.workflowExecutions, "workflowExecutions"),
  });
  // Only PROCESSED executions have details, images and a PDF (contract §2.3): those are tried first.
  const items: TExecutionListItem[] = list ? [...list.workflowExecutions.valid].sort((a, b) => Number(b.status === "PROCESSED") - Number(a.status === "PROCESSED")) : [];
  const chosen = items[0];
  if (!chosen) {
    const reason = list ? "J1 listed no execution" : "J1 gave no execution to read";
    for (const call of [J2, J3, J4, J5, J6, J7, J7pdf]) run.skip(call, reason);
    return run.results;
  }
  const ids = [chosen.account.id, chosen.id] as const;
  const record = await run.run(J2, () => client.getExecution(...ids), { walk: ZTransactionRecordSchema });
  await run.run(J3, () => client.getStatus(...ids), { walk: ZExecutionStatusSchema });
  await run.run(J4, () => client.getSteps(...ids), { walk: ZStepsSchema });
  await run.run(J5, () => client.getRules(...ids), { walk: ZRulesSchema });

  const records = record ? [record] : [];
  for (const item of items.slice(1, EXECUTIONS_FOR_AN_IMAGE)) {
    if (!record || records.some(firstPart) || run.outOfTime || item.status !== "PROCESSED") break;
    const next = await client.getExecution(item.account.id, item.id).catch(() => null);
    if (next) records.push(next);
  }
  const part = records.map(firstPart).find(Boolean);
  if (!part) run.skip(J6, record ? `no credential part with an href in the first ${records.length} executions` : "J2 gave no record to look in");
  else await run.run(J6, () => client.getCredentialPart(part.accountId, part.credentialId, part.classifier), { judge: (file) => fileIssues(file, ["image/"]) });

  const withPdf = records.find((r) => r.workflow.status === "PROCESSED" && !r.wipedOutAt);
  if (!withPdf) {
    const reason = record ? "no processed execution that is not wiped" : "J2 gave no record to look in";
    run.skip(J7, reason);
    run.skip(J7pdf, reason);
    return run.results;
  }
  const pdfIds = [withPdf.account.id, withPdf.workflow.id] as const;
  const walk = e.pdfUrlField === "presignedUrl" ? ZPdfLinkSchema : z.object({ [e.pdfUrlField]: z.string() });
  const link = await run.run(J7, () => client.getPdfLink(...pdfIds), { walk });
  if (!link) run.skip(J7pdf, "J7 gave no link");
  else await run.run(J7pdf, () => client.downloadPdf(...pdfIds), { judge: (file) => fileIssues(file, ["application/pdf"]) });
  return run.results;
}
