import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { ZTransactionRecordSchema } from "@/lib/providers/jumio/schemas";

export type TExecutionImage = { credentialId: string; category: string; classifier: string; href: string };
export type TCapabilityDecision = { capability: string; type: string; label: string | null };

const ZStoredJumioSchema = z.object({ record: ZTransactionRecordSchema });

/**
 * One execution as its page shows it: the common core, and for Jumio what the stored transaction record
 * holds (images as our own download routes, decisions per capability). A record we can no longer read
 * (a contract change) still shows its core.
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
  const images: TExecutionImage[] = [];
  const decisions: TCapabilityDecision[] = [];
  if (execution.provider === "JUMIO") {
    const stored = ZStoredJumioSchema.safeParse(raw);
    if (stored.success) {
      for (const credential of stored.data.record.credentials) {
        for (const part of credential.parts) {
          if (part.classifier === "FACEMAP" && !part.href) continue;
          images.push({
            credentialId: credential.id,
            category: credential.category,
            classifier: part.classifier,
            href: `/api/files/jumio/${encodeURIComponent(execution.id)}/${encodeURIComponent(credential.id)}/${encodeURIComponent(part.classifier)}?inline=1`,
          });
        }
      }
      for (const [capability, entries] of Object.entries(stored.data.record.capabilities)) {
        for (const entry of entries) decisions.push({ capability, type: entry.decision.type, label: entry.decision.details?.label ?? null });
      }
    }
  }
  return { ...core, images, decisions };
}

export type TExecutionDetail = NonNullable<Awaited<ReturnType<typeof getExecutionDetail>>>;
