import type { TProviderClients } from "../../lib/providers";
import type { TClientDetails } from "../../lib/providers/trulioo/schemas";

/** What the sandbox holds, read straight through the clients: the reference a sync is compared with. */
export async function readUpstream(clients: TProviderClients) {
  const profiles = new Map<string, TClientDetails>();
  for await (const page of clients.trulioo!.clients({ limit: 50 })) {
    for (const summary of page) profiles.set(summary.id, (await clients.trulioo!.getClient(summary.id, { fullServiceDetails: true })).client);
  }
  const jumio = new Map<string, { status: string; decision: string | null }>();
  for await (const page of clients.jumio!.executions(100)) {
    for (const item of page) jumio.set(item.id, { status: item.status, decision: item.decision?.type ?? null });
  }
  const trustx = new Map<string, string>();
  for await (const page of clients.trustx!.instances({})) for (const item of page) trustx.set(item.id, item.status);
  return { profiles, jumio, trustx };
}
