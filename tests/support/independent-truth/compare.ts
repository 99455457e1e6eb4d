/** Reads what the sync wrote and lists every difference from the expected content, by record id and column. */
import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { jumioStoredParts, trustxUserData, type TExpected, type TRow } from "./expected";
import { arr, canonical, obj } from "./normalise";

const show = (v: unknown) => {
  const text = v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return text === undefined ? "undefined" : text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : isDeepStrictEqual(a, b);

/** Compares two keyed row sets column by column; `what` names the table in each message. */
function diffRows(what: string, expected: Map<string, TRow>, actual: Map<string, TRow>, out: string[]) {
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (!got) {
      out.push(`${what} ${key}: missing`);
      continue;
    }
    for (const column of Object.keys(want)) {
      if (!same(want[column], got[column])) out.push(`${what} ${key} ${column}: expected ${show(want[column])}, got ${show(got[column])}`);
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) out.push(`${what} ${key}: not upstream`);
}

const keyed = <T>(rows: T[], key: (row: T) => string, value: (row: T) => TRow) => new Map(rows.map((r) => [key(r), value(r)]));

export async function diffDatabase(db: PrismaClient, want: TExpected): Promise<string[]> {
  const out: string[] = [];
  const [workflows, profiles, flows, fields, files, services, notes, tasks, links, executions] = await Promise.all([
    db.workflow.findMany(),
    db.profile.findMany(),
    db.profileFlow.findMany(),
    db.fieldValue.findMany(),
    db.profileFile.findMany(),
    db.serviceResult.findMany(),
    db.profileNote.findMany(),
    db.profileTask.findMany(),
    db.profileLink.findMany(),
    db.execution.findMany(),
  ]);
  diffRows("workflow", want.workflows, keyed(workflows, (w) => w.id, (w) => w), out);
  diffRows("profile", want.profiles, keyed(profiles, (p) => p.id, (p) => p), out);
  const c = want.children;
  diffRows("flow", c.flows, keyed(flows, (f) => `${f.profileId}|${f.flowId}`, (f) => f), out);
  diffRows("field", c.fields, keyed(fields, (f) => `${f.profileId}|${f.flowId}|${f.elementId}`, (f) => f), out);
  diffRows("file", c.files, keyed(files, (f) => `${f.profileId}|${f.flowId}|${f.elementId}|${f.position}|${f.enhanced}`, (f) => f), out);
  diffRows("service", c.services, keyed(services, (s) => `${s.profileId}|${s.flowId}|${s.position}`, (s) => ({ ...s, transactionInfo: s.transactionInfo === null ? null : canonical(s.transactionInfo) })), out);
  diffRows("note", c.notes, keyed(notes, (n) => `${n.profileId}|${n.id}`, (n) => n), out);
  diffRows("task", c.tasks, keyed(tasks, (t) => `${t.profileId}|${t.id}`, (t) => t), out);
  diffRows("link", c.links, keyed(links, (l) => `${l.fromId}|${l.toId}`, (l) => l), out);
  diffRows(
    "execution",
    want.executions,
    keyed(executions, (e) => `${e.provider}|${e.id}`, (e) => {
      const raw = obj(e.raw);
      const stored =
        e.provider === "JUMIO"
          ? jumioStoredParts(obj(raw.record), raw.steps ? arr(obj(raw.steps).steps) : null, raw.rules ? arr(obj(raw.rules).executions) : null)
          : trustxUserData(raw.userData);
      return { ...e, stored };
    }),
    out,
  );
  return out;
}

