// Run-time Jumio executions (created through /_sandbox or by the activity generator) and
// status changes. Every change of workflow.status sends a callback (§2.7).
import type { ExecutionRecord, WorkflowStatus } from "../data/jumio";
import type { SandboxState } from "../state";

export function changeStatus(state: SandboxState, id: string, status: WorkflowStatus): ExecutionRecord | undefined {
  const before = state.jumio.store.get(id)?.status;
  const rec = state.jumio.store.setStatus(id, status);
  if (rec && before !== status) state.jumio.callbacks.notify(rec);
  return rec;
}

/** Creates an INITIATED execution that moves to ACQUIRED, then to its final status. */
export function launchExecution(state: SandboxState, opts: { accountId?: string; reference?: string; finalStatus?: WorkflowStatus } = {}): ExecutionRecord {
  const rec = state.jumio.store.create(opts);
  state.jumio.callbacks.notify(rec);
  const step = state.cfg.jumioProgressMs;
  state.scheduler.after(step, () => {
    changeStatus(state, rec.id, "ACQUIRED");
    state.scheduler.after(step, () => {
      changeStatus(state, rec.id, opts.finalStatus ?? "PROCESSED");
    });
  });
  return rec;
}
