import "server-only";
import { getDb } from "@/lib/db";

// What the wipe dialogs say, counted now from the local copy: exactly what goes, and what stays where.

export type TWipePlan = { erases: string[]; keeps: string[] };

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

export async function profileWipePlan(profileId: string): Promise<TWipePlan> {
  const db = getDb();
  const where = { profileId };
  const [fields, files, services, notes, tasks, caseNotes, executions] = await Promise.all([
    db.fieldValue.count({ where }), db.profileFile.count({ where }), db.serviceResult.count({ where }),
    db.profileNote.count({ where }), db.profileTask.count({ where }), db.caseNote.count({ where }),
    db.execution.groupBy({ by: ["provider"], where: { OR: [{ profileId }, { customerReference: profileId }] }, _count: { _all: true } }),
  ]);
  const jumio = executions.find((e) => e.provider === "JUMIO")?._count._all ?? 0;
  const trustx = executions.find((e) => e.provider === "TRUSTX")?._count._all ?? 0;
  return {
    erases: [
      `Name, email, country and date of birth, and the stored Trulioo record`,
      `${n(fields, "form value")}, ${n(files, "file key")} (downloads will answer 410), ${n(services, "service result")}`,
      `${n(notes, "Trulioo note")} and ${n(tasks, "Trulioo task")} copied here`,
      `${n(jumio, "Jumio execution")}: deleted at Jumio first (J8), then here`,
      `${n(trustx, "TrustX execution")}: here only (TrustX has no delete)`,
      `This person's data in sync errors and webhook payloads`,
      ...(caseNotes ? [`The person's name and email inside ${n(caseNotes, "case note")} (the notes stay)`] : []),
    ],
    keeps: [
      "The profile as a tombstone: its id, status, dates, flows and links; executions keep ids, statuses and decisions",
      "Who wiped it, when and why, in the audit log",
      "Trulioo keeps its own copy (its API has no delete): ask Trulioo to erase it there",
      ...(trustx ? ["TrustX keeps its own copies of the TrustX executions: ask TrustX to erase them"] : []),
    ],
  };
}

export function executionWipePlan(execution: { provider: "JUMIO" | "TRUSTX" }): TWipePlan {
  const jumio = execution.provider === "JUMIO";
  return {
    erases: [
      jumio ? "The execution's personal data at Jumio (J8): images, extracted data, client address" : "The execution's personal data held here (TrustX has no delete)",
      "The names, captured data and images stored here, and its copies in sync errors and webhook payloads",
    ],
    keeps: [
      "The execution as a tombstone: ids, status, decision, risk score, times, fraud feedback",
      "Who wiped it, when and why, in the audit log",
      ...(jumio ? [] : ["TrustX keeps its own copy: ask TrustX to erase it there"]),
    ],
  };
}

export async function accountWipePlan(accountId: string): Promise<TWipePlan & { executions: number }> {
  const executions = await getDb().execution.count({ where: { provider: "JUMIO", accountId } });
  return {
    executions,
    erases: [
      `Every execution of this Jumio account (one person) at Jumio (J9): ${n(executions, "execution")} held here`,
      "Their names, captured data and images stored here, and their copies in sync errors and webhook payloads",
    ],
    keeps: [
      "The executions as tombstones: ids, statuses, decisions, times",
      "The Trulioo profile they belong to: wipe it from its own page",
      "A job with each execution's outcome, and the audit log",
    ],
  };
}
