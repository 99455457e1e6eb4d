import type { TTrustxConfig } from "../config";
import { DEFAULT_ENDPOINTS, TRUSTX_PATHS } from "../endpoints";
import { ProviderHttpError } from "../errors";
import { TrustxClient } from "../trustx/client";
import {
  ZProcessInstanceSchema,
  ZProcessInstanceWithParametersSchema,
  ZSpringPageSchema,
  ZTrustxTokenSchema,
  ZUserDataSchema,
  type TProcessInstance,
} from "../trustx/schemas";
import { invalidItems } from "./judge";
import { Recorder } from "./recorder";
import { CallRunner, type TCallSpec } from "./runner";
import type { TCheckContext } from "./types";

// Statuses after which an instance has captured data (contract §3.4, the sandbox's lifecycle): tried first.
const WITH_DATA = new Set(["REVIEW", "COMPLETED_ENDED_SUCCESS", "COMPLETED_ENDED_ERROR"]);
const INSTANCES_FOR_USER_DATA = 3;
// The incremental sync always searches from a watermark, so the check sends a start time too.
const SEARCH_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** TrustX's reads (contract §3.2): token, X5, X6, X3 and X4 of one instance, X7 its user data. */
export async function checkTrustx(config: TTrustxConfig, ctx: TCheckContext) {
  const recorder = new Recorder();
  const client = new TrustxClient(config, { fetch: recorder.fetch, sleep: ctx.sleep });
  const e = config.endpoints ?? DEFAULT_ENDPOINTS.trustx;
  const run = new CallRunner(
    "trustx",
    recorder,
    { call: { ref: "§3.1", method: "POST", path: TRUSTX_PATHS.token }, url: `${config.baseUrl}${TRUSTX_PATHS.token}`, schema: ZTrustxTokenSchema },
    ctx.deadline,
    config.timeoutMs,
  );
  const pageSchema = ZSpringPageSchema(ZProcessInstanceSchema);
  const X5: TCallSpec = { ref: "X5", method: "GET", path: `${e.instancesPath}?sort=${e.sortField},desc` };
  const X6: TCallSpec = { ref: "X6", method: "GET", path: `${e.searchPath}?startDateTime=…&sort=${e.sortField},asc` };
  const X3: TCallSpec = { ref: "X3", method: "GET", path: e.instancePath };
  const X4: TCallSpec = { ref: "X4", method: "GET", path: e.instanceWithParametersPath };
  const X7: TCallSpec = { ref: "X7", method: "GET", path: e.userDataPath };

  const page = await run.run(X5, () => client.listInstances(0, 20), { walk: pageSchema, judge: (p) => invalidItems(p.content, "content") });
  await run.run(X6, () => client.searchInstances({ startDateTime: new Date(Date.now() - SEARCH_WINDOW_MS), size: 5 }, 0), {
    walk: pageSchema,
    judge: (p) => invalidItems(p.content, "content"),
  });
  const instances: TProcessInstance[] = page?.content.valid ?? [];
  const first = instances[0];
  if (!first) {
    const reason = page ? "X5 listed no instance" : "X5 gave no instance to read";
    for (const call of [X3, X4, X7]) run.skip(call, reason);
    return run.results;
  }
  await run.run(X3, () => client.getInstance(first.id), { walk: ZProcessInstanceSchema });
  await run.run(X4, () => client.getInstanceWithParameters(first.id), { walk: ZProcessInstanceWithParametersSchema });

  // An instance whose status says it has data and answers 404 is a failure (a moved path answers 404 too);
  // only when no listed instance got that far does a 404 mean "no user data yet".
  const named = instances.filter((i) => i.processDefnId);
  const withData = named.filter((i) => WITH_DATA.has(i.status));
  const candidates = (withData.length ? withData : named).slice(0, INSTANCES_FOR_USER_DATA);
  if (candidates.length === 0) {
    run.skip(X7, "no instance names its process definition");
    return run.results;
  }
  await run.run(
    X7,
    async () => {
      // Data is there only once a person got far enough: the next instance is tried after a 404.
      for (const [i, instance] of candidates.entries()) {
        try {
          return await client.getUserData(instance.processDefnId!, instance.id);
        } catch (error) {
          if (!(error instanceof ProviderHttpError && error.status === 404) || i === candidates.length - 1) throw error;
        }
      }
      throw new Error("unreachable");
    },
    {
      walk: ZUserDataSchema,
      notFoundMeans: withData.length ? undefined : `no user data yet (404 for the ${candidates.length} instances tried, none of them past capture)`,
    },
  );
  return run.results;
}
