import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { getRequestContext } from "@/lib/audit/context";
import type { TCurrentUser } from "@/lib/auth/session";
import { streamedFileResponse } from "@/lib/files/stream-response";
import { getProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";

const ZPdfRefSchema = z.object({ executionId: z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f/\\]+$/) });

async function audit(user: TCurrentUser, executionId: string, outcome: "SUCCESS" | "FAILED", details: Record<string, unknown>) {
  await recordAudit(getDb(), {
    actor: { id: user.id, email: user.email, role: user.role },
    action: "execution.pdf",
    outcome,
    target: { type: "execution", id: executionId },
    details,
    request: await getRequestContext(),
  });
}

/**
 * One Jumio transaction PDF (J7), streamed through the app: the execution is looked up here first (its
 * account is ours, not the caller's), a wiped one answers 410, and the bytes must be a PDF. Each export
 * is an audit event saying what it was.
 */
export async function executionPdfResponse(user: TCurrentUser, params: Record<string, string>): Promise<Response> {
  const parsed = ZPdfRefSchema.safeParse(params);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "That is not an execution id.");
  const execution = await getDb().execution.findUnique({
    where: { provider_id: { provider: "JUMIO", id: parsed.data.executionId } },
    select: { id: true, accountId: true, wipedOutAt: true },
  });
  if (!execution) throw new AppError("NOT_FOUND", "No Jumio execution has that id (PDFs are Jumio's).");
  if (execution.wipedOutAt) throw new AppError("GONE", "This execution's personal data was wiped; its PDF is gone.");
  if (!execution.accountId) throw new AppError("CONFLICT", "This execution has no Jumio account on record; sync it first.");
  const jumio = getProviderClients().jumio;
  if (!jumio) throw new AppError("UPSTREAM_UNAVAILABLE", "Jumio is not configured here.");
  try {
    const download = await jumio.streamPdf(execution.accountId, execution.id);
    const response = await streamedFileResponse(download, { name: `jumio-${execution.id}`, inline: false });
    if (response.headers.get("content-type") !== "application/pdf") {
      await response.body?.cancel();
      throw new AppError("UPSTREAM_ERROR", "Jumio did not send a PDF for this execution.");
    }
    await audit(user, execution.id, "SUCCESS", { kind: "transaction_pdf", executions: [execution.id] });
    return response;
  } catch (error) {
    const mapped = error instanceof AppError ? error : toAppError(error, "This execution's PDF");
    if (!mapped) throw error;
    await audit(user, execution.id, "FAILED", { kind: "transaction_pdf", reason: mapped.message });
    throw mapped;
  }
}
