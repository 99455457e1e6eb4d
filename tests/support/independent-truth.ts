/**
 * The reference a sync is compared with, built without the app's clients, schemas or mappers
 * (tests/support/independent-truth/*): upstream's raw JSON over plain fetch, turned into the expected
 * database content by plain code written from docs/provider-contract.md, compared field by field.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { diffDatabase } from "./independent-truth/compare";
import { expectedFrom, type TExpected } from "./independent-truth/expected";
import { readUpstreamRaw, type TUpstream } from "./independent-truth/upstream";

export type TTruth = TUpstream & { expected: TExpected };

/** Reads all three providers now (faults cleared first: this is the reference, not a subject). */
export async function readTruth(env: Record<string, string>): Promise<TTruth> {
  const upstream = await readUpstreamRaw(env);
  return { ...upstream, expected: expectedFrom(upstream) };
}

/** Every difference between the database and upstream, one line per record and column ("profile <id> status: …"). */
export async function mismatches(db: PrismaClient, truth: TTruth, options: { ignore?: (line: string) => boolean } = {}): Promise<string[]> {
  const lines = await diffDatabase(db, truth.expected);
  return options.ignore ? lines.filter((line) => !options.ignore!(line)) : lines;
}

/** A readable failure: the count and the first lines, enough to name the record and column. */
export function report(lines: string[], limit = 40): string {
  return lines.length === 0 ? "exact" : `${lines.length} mismatches:\n${lines.slice(0, limit).join("\n")}`;
}
