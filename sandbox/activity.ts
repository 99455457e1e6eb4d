// Optional background activity for demos: status changes, notes, new Jumio executions and
// TrustX journeys, so an incremental sync always has something new to pick up.
import { clientId } from "./data/context";
import { launchExecution } from "./jumio/lifecycle";
import type { SandboxState } from "./state";
import { addNote } from "./trulioo/clientManager";
import { TRANSITIONS } from "./trulioo/transitions";
import type { EventType } from "./trulioo/webhooks";
import { activate } from "./trustx/lifecycle";

const NOTES = ["Customer called about the status of the review.", "Documents look consistent.", "Second reviewer requested."];

function randomProfileId(state: SandboxState): string | undefined {
  const n = state.data.profiles;
  return n === 0 ? undefined : clientId(state.data, Math.floor(Math.random() * n));
}

export function activityStep(state: SandboxState): string {
  const r = Math.random();
  const id = randomProfileId(state);
  if (r < 0.35 && id) {
    const rec = state.trulioo.store.get(id, false);
    const targets = rec ? TRANSITIONS[rec.status] : [];
    const target = targets[Math.floor(Math.random() * targets.length)];
    if (rec && target) {
      const w = state.trulioo.store.edit(id, false);
      if (w) {
        w.status = target;
        w.statusManuallyChanged = true;
        state.trulioo.store.touch(w);
        state.trulioo.webhooks.emit({ type: `MANUALLY_${target}` as EventType, clientId: id, flowId: Object.keys(w.flowData)[0] ?? "", test: false });
        return `trulioo status ${id} -> ${target}`;
      }
    }
  }
  if (r < 0.55 && id) {
    addNote(state, id, false, NOTES[Math.floor(Math.random() * NOTES.length)] ?? "Note");
    return `trulioo note on ${id}`;
  }
  if (r < 0.8) {
    const rec = launchExecution(state, { reference: id });
    return `jumio execution ${rec.id}`;
  }
  const inst = state.trustx.store.grow(Math.max(state.clock.now(), state.data.dataEnd + 1));
  inst.status = "PENDING";
  inst.userData = null;
  activate(state, inst.id);
  return `trustx instance ${inst.id}`;
}

/** Runs activityStep every `intervalMs` until the returned function is called (or reset). */
export function startActivity(state: SandboxState, intervalMs: number): void {
  if (intervalMs <= 0) return;
  const tick = (): void => {
    activityStep(state);
    state.scheduler.after(intervalMs, tick);
  };
  state.scheduler.after(intervalMs, tick);
}
