import "server-only";
import { getDb } from "@/lib/db";
import { COMPARED_FIELDS, compareFacts, type TComparedField, type TComparisonRow, type TDocumentFacts, type TEnteredFacts } from "./compare";
import { readJumio, type TJumioView } from "./jumio-detail";
import { readTrustx, type TTrustxView } from "./trustx-detail";

/** What the document's reading is compared against, or why there is nothing to compare it with. */
export type TComparison =
  | { state: "unlinked" }
  | { state: "wiped" }
  | { state: "compared"; rows: TComparisonRow[] };

const ROLE_TO_FIELD = new Map<string, TComparedField>(COMPARED_FIELDS.map((f) => [f.role, f.key]));

/** What the linked person entered in Trulioo, by compared field, across every workflow they went through. */
async function compareWithProfile(profileId: string | null, document: TDocumentFacts): Promise<TComparison> {
  if (!profileId) return { state: "unlinked" };
  const profile = await getDb().profile.findFirst({
    where: { id: profileId },
    select: {
      piiWipedAt: true,
      fields: { where: { role: { in: [...ROLE_TO_FIELD.keys()] } }, select: { role: true, values: true }, orderBy: [{ flowId: "asc" }, { elementId: "asc" }] },
    },
  });
  if (!profile) return { state: "unlinked" };
  if (profile.piiWipedAt) return { state: "wiped" };
  const entered: Record<string, string[]> = {};
  for (const value of profile.fields) {
    const field = value.role ? ROLE_TO_FIELD.get(value.role) : undefined;
    if (field) (entered[field] ??= []).push(...value.values);
  }
  return { state: "compared", rows: compareFacts(document, entered as TEnteredFacts) };
}

/**
 * One execution as its page shows it: the common core (our columns, always readable), what the stored
 * provider record holds (a part that no longer parses is named in `problems`, never thrown), and the
 * document's reading compared with what the person entered in Trulioo.
 */
export async function getExecutionDetail(id: string) {
  const execution = await getDb().execution.findFirst({
    where: { id },
    select: {
      provider: true, id: true, accountId: true, definition: true, status: true, decisionType: true, decisionLabel: true, riskScore: true,
      customerReference: true, profileId: true, firstName: true, lastName: true, createdAt: true, completedAt: true, wipedOutAt: true,
      feedbackStatus: true, feedbackReason: true, syncedAt: true, raw: true,
    },
  });
  if (!execution) return null;
  const { raw, ...core } = execution;
  const jumio: TJumioView | null = core.provider === "JUMIO" ? readJumio(raw, core.id) : null;
  const trustx: TTrustxView | null = core.provider === "TRUSTX" ? readTrustx(raw) : null;
  const document = jumio?.document ?? trustx?.document ?? {};
  const comparison = await compareWithProfile(core.profileId, document);
  return { ...core, jumio, trustx, comparison, problems: jumio?.problems ?? trustx?.problems ?? [] };
}

export type TExecutionDetail = NonNullable<Awaited<ReturnType<typeof getExecutionDetail>>>;
