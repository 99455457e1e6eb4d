// TrustX lifecycle (§3.4): X2 creates PENDING, startProcess moves to ACTIVE, and the
// sandbox's activity generator finishes the journey a little later.
import { hasUserData, userDataFor, type InstanceRecord, type InstanceStatus } from "../data/trustx";
import { person } from "../data/person";
import { Rng } from "../data/prng";
import type { SandboxState } from "../state";

export function setInstanceStatus(state: SandboxState, id: string, status: InstanceStatus): InstanceRecord | undefined {
  const rec = state.trustx.store.edit(id);
  if (!rec) return undefined;
  rec.status = status;
  if (status !== "PENDING") rec.elapsedMilliseconds = Math.max(0, state.clock.now() - rec.createdAt);
  if (hasUserData(status) && !rec.userData) {
    const rng = new Rng(Math.floor(Math.random() * 4294967296));
    // Run-time instances have no generated person: build the document from the token's names.
    const p = person(state.cfg.seed, 300_000_000 + rng.int(0, 1_000_000));
    const params = state.trustx.store.token(rec.tokenId)?.parameters ?? {};
    const named = { ...p, firstName: rec.firstName || p.firstName, lastName: rec.lastName || p.lastName };
    rec.userData = userDataFor(named, rng, typeof params.referenceID === "string" ? { referenceID: params.referenceID } : {});
  }
  state.stats.inc(`trustx.status.${status}`);
  return rec;
}

export function activate(state: SandboxState, id: string): void {
  setInstanceStatus(state, id, "ACTIVE");
  state.scheduler.after(state.cfg.trustxActivityMs, () => {
    if (state.trustx.store.get(id)?.status !== "ACTIVE") return;
    const final = new Rng(Math.floor(Math.random() * 4294967296)).weighted([
      ["REVIEW", 20], ["COMPLETED_ENDED_SUCCESS", 50], ["COMPLETED_ENDED_ERROR", 15], ["COMPLETED_TERMINATED", 10], ["COMPLETED_PROCESS_ERROR", 5],
    ] as const);
    setInstanceStatus(state, id, final);
  });
}
