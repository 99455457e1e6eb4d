import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { TAuditTargetType } from "@/lib/audit/catalogue";
import { getRequestContext } from "@/lib/audit/context";
import type { TCurrentUser } from "@/lib/auth/session";
import { getProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";
import { ZCredentialSchema } from "@/lib/providers/jumio/schemas";
import { streamedFileResponse } from "./stream-response";
import { ZJumioPartRefSchema, ZTruliooFileRefSchema } from "./schemas";

// The credentials as the sync stored them with the execution (raw = { record, steps, rules }).
const ZStoredCredentialsSchema = z.object({ record: z.object({ credentials: z.array(ZCredentialSchema) }) });

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such file.");
  return parsed.data;
}

async function audit(user: TCurrentUser, target: { type: TAuditTargetType; id: string }, details: Record<string, unknown>, outcome: "SUCCESS" | "FAILED") {
  await recordAudit(getDb(), {
    actor: { id: user.id, email: user.email, role: user.role },
    action: "file.download",
    outcome,
    target,
    details,
    request: await getRequestContext(),
  });
}

/**
 * A Trulioo file (E4): looked up in our copy first (the key is ours, never the caller's), refused for a
 * wiped profile (410), then streamed from Trulioo. Every download is a PII-access audit event.
 */
export async function downloadTruliooFile(user: TCurrentUser, input: Record<string, unknown>): Promise<Response> {
  const ref = parse(ZTruliooFileRefSchema, input);
  // The wipe deletes the file keys with the rest: the profile's own tombstone answers for its files.
  const profile = await getDb().profile.findUnique({ where: { id: ref.profileId }, select: { piiWipedAt: true } });
  if (profile?.piiWipedAt) throw new AppError("GONE", "This person's data was wiped; the file is gone.");
  const file = await getDb().profileFile.findUnique({
    where: { profileId_flowId_elementId_position_enhanced: { profileId: ref.profileId, flowId: ref.flowId, elementId: ref.elementId, position: ref.position, enhanced: ref.enhanced } },
    select: { fileKey: true, profile: { select: { piiWipedAt: true } } },
  });
  if (!file) throw new AppError("NOT_FOUND", "No such file.");
  const details = { provider: "trulioo", flowId: ref.flowId, elementId: ref.elementId, position: ref.position, enhanced: ref.enhanced };
  if (file.profile.piiWipedAt) throw new AppError("GONE", "This person's data was wiped; the file is gone.");
  const client = getProviderClients().trulioo;
  if (!client) throw new AppError("UPSTREAM_UNAVAILABLE", "Trulioo is not configured here.");
  try {
    const download = await client.streamFile(file.fileKey);
    await audit(user, { type: "profile", id: ref.profileId }, details, "SUCCESS");
    return await streamedFileResponse(download, { name: download.filename ?? ref.elementId, inline: ref.inline });
  } catch (error) {
    const mapped = toAppError(error, "This file");
    if (!mapped) throw error;
    await audit(user, { type: "profile", id: ref.profileId }, { ...details, reason: mapped.message }, "FAILED");
    throw mapped;
  }
}

/** A Jumio credential image (J5): the execution and its credential part must be in our copy. */
export async function downloadJumioPart(user: TCurrentUser, input: Record<string, unknown>): Promise<Response> {
  const ref = parse(ZJumioPartRefSchema, input);
  const execution = await getDb().execution.findUnique({
    where: { provider_id: { provider: "JUMIO", id: ref.executionId } },
    select: { accountId: true, wipedOutAt: true, raw: true },
  });
  if (!execution) throw new AppError("NOT_FOUND", "No such execution.");
  if (execution.wipedOutAt) throw new AppError("GONE", "This execution's data was wiped; the image is gone.");
  const stored = ZStoredCredentialsSchema.safeParse(execution.raw);
  const credentials = stored.success ? stored.data.record.credentials : [];
  const part = credentials.find((c) => c.id === ref.credentialId)?.parts.find((p) => p.classifier === ref.classifier);
  if (!part || !execution.accountId) throw new AppError("NOT_FOUND", "No such image in this execution.");
  const client = getProviderClients().jumio;
  if (!client) throw new AppError("UPSTREAM_UNAVAILABLE", "Jumio is not configured here.");
  const details = { provider: "jumio", credentialId: ref.credentialId, classifier: ref.classifier };
  try {
    const download = await client.streamCredentialPart(execution.accountId, ref.credentialId, ref.classifier);
    await audit(user, { type: "execution", id: ref.executionId }, details, "SUCCESS");
    return await streamedFileResponse(download, { name: `${ref.executionId}-${ref.classifier.toLowerCase()}`, inline: ref.inline });
  } catch (error) {
    const mapped = toAppError(error, "This image");
    if (!mapped) throw error;
    await audit(user, { type: "execution", id: ref.executionId }, { ...details, reason: mapped.message }, "FAILED");
    throw mapped;
  }
}
