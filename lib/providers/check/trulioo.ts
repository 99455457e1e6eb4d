import type { TTruliooConfig } from "../config";
import { DEFAULT_ENDPOINTS, TRULIOO_PATHS } from "../endpoints";
import { TruliooClient } from "../trulioo/client";
import { ZClientDetailsSchema, ZClientSummarySchema, ZTokenResponseSchema, ZTruliooPageSchema, ZWorkflowSchema, type TClientDetails } from "../trulioo/schemas";
import { fileIssues, invalidItems } from "./judge";
import { Recorder } from "./recorder";
import { CallRunner, type TCallSpec } from "./runner";
import type { TCheckContext } from "./types";

// E4 needs a file key; clients without files are common, so a few are read before E4 is given up.
const CLIENTS_FOR_A_FILE = 5;

function firstFileKey(client: TClientDetails): string | null {
  for (const flow of Object.values(client.flowData)) {
    const key = Object.values(flow.fileData)[0] ?? Object.values(flow.enhancedFileData).flat()[0];
    if (key) return key;
  }
  return null;
}

/** Trulioo's reads (contract §1.2): token, E1, E2, E3 with full service details, E4. */
export async function checkTrulioo(config: TTruliooConfig, ctx: TCheckContext) {
  const recorder = new Recorder();
  const client = new TruliooClient(config, { fetch: recorder.fetch, sleep: ctx.sleep });
  const e = config.endpoints ?? DEFAULT_ENDPOINTS.trulioo;
  const run = new CallRunner(
    "trulioo",
    recorder,
    { call: { ref: "§1.1", method: "POST", path: TRULIOO_PATHS.token }, url: `${config.authUrl}${TRULIOO_PATHS.token}`, schema: ZTokenResponseSchema },
    ctx.deadline,
    config.timeoutMs,
  );
  const E1: TCallSpec = { ref: "E1", method: "GET", path: e.workflowsPath };
  const E2: TCallSpec = { ref: "E2", method: "GET", path: e.clientsPath };
  const E3: TCallSpec = { ref: "E3", method: "GET", path: `${e.clientPath}?includeFullServiceDetails=true` };
  const E4: TCallSpec = { ref: "E4", method: "GET", path: `${e.filePath}?key={key}` };

  await run.run(E1, () => client.listWorkflows(0, 10), { walk: ZTruliooPageSchema(ZWorkflowSchema), judge: (page) => invalidItems(page.data, "data") });
  const page = await run.run(E2, () => client.listClients({ limit: 10 }, 0), {
    walk: ZTruliooPageSchema(ZClientSummarySchema),
    judge: (p) => invalidItems(p.data, "data"),
  });
  const ids = page?.data.valid.map((c) => c.id) ?? [];
  if (ids.length === 0) {
    const reason = page ? "E2 listed no end client" : "E2 gave no end client to read";
    run.skip(E3, reason);
    run.skip(E4, reason);
    return run.results;
  }
  const first = await run.run(E3, () => client.getClient(ids[0]!, { fullServiceDetails: true }), { walk: ZClientDetailsSchema });
  let key = first ? firstFileKey(first.client) : null;
  for (const id of ids.slice(1, CLIENTS_FOR_A_FILE)) {
    if (key || !first || run.outOfTime) break;
    key = await client.getClient(id).then(({ client: details }) => firstFileKey(details), () => null);
  }
  if (!key) run.skip(E4, first ? `no file in the first ${Math.min(ids.length, CLIENTS_FOR_A_FILE)} end clients` : "E3 gave no end client to look in");
  else await run.run(E4, () => client.getFile(key), { judge: (file) => fileIssues(file, ["image/", "application/pdf"]) });
  return run.results;
}
