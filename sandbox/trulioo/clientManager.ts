// Client Manager activity that has no API of its own (notes and tasks are added in the
// Trulioo dashboard): reachable through /_sandbox so the matching webhooks can be tested.
import { randomUUID } from "node:crypto";
import type { Note, ProfileRecord, Task } from "../data/truliooTypes";
import type { SandboxState } from "../state";
import type { EventType } from "./webhooks";

function changed(state: SandboxState, rec: ProfileRecord, type: EventType): void {
  state.trulioo.store.touch(rec);
  state.trulioo.webhooks.emit({ type, clientId: rec.id, flowId: Object.keys(rec.flowData)[0] ?? "", test: rec.test });
}

export function addNote(state: SandboxState, id: string, test: boolean, text: string): Note | undefined {
  const rec = state.trulioo.store.edit(id, test);
  if (!rec) return undefined;
  const note: Note = { id: randomUUID(), text, createdBy: "analyst@sandbox.example", created: state.clock.iso() };
  rec.notes = [...rec.notes, note];
  changed(state, rec, "NOTE_ADDED");
  return note;
}

export function addTask(state: SandboxState, id: string, test: boolean, text: string): Task | undefined {
  const rec = state.trulioo.store.edit(id, test);
  if (!rec) return undefined;
  const now = state.clock.iso();
  const task: Task = { id: randomUUID(), text, resolved: false, createdBy: "analyst@sandbox.example", updatedBy: "analyst@sandbox.example", created: now, updated: now };
  rec.tasks = [...rec.tasks, task];
  changed(state, rec, "TASK_ADDED");
  return task;
}

export function setTask(state: SandboxState, id: string, test: boolean, taskId: string, resolved: boolean): Task | undefined {
  const rec = state.trulioo.store.edit(id, test);
  const task = rec?.tasks.find((t) => t.id === taskId);
  if (!rec || !task) return undefined;
  task.resolved = resolved;
  task.updated = state.clock.iso();
  task.updatedBy = "manager@sandbox.example";
  changed(state, rec, resolved ? "TASK_DONE" : "TASK_UNDONE");
  return task;
}
