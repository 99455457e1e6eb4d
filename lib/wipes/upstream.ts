import { AppError } from "@/lib/errors";
import type { TProviderClients } from "@/lib/providers";
import { toAppError } from "@/lib/providers/app-error";
import { ProviderHttpError } from "@/lib/providers/errors";

export type TJumioTarget = { id: string; accountId: string | null };

/**
 * J8 for each Jumio execution, one after the other, stopping at the first failure (a failing Jumio is
 * not asked N more times). A 404 means Jumio holds nothing under that id (contract §2.6: a client
 * treats it as wiped). J8 is repeatable, so asking again after a failure is safe: the error says how
 * many Jumio had already confirmed, and that nothing changed here.
 */
export async function deleteAtJumio(clients: TProviderClients, targets: TJumioTarget[]): Promise<void> {
  if (targets.length === 0) return;
  const jumio = clients.jumio;
  if (!jumio) throw new AppError("UPSTREAM_UNAVAILABLE", "Jumio is not configured here, so its copies cannot be deleted. Nothing was changed.");
  const orphan = targets.find((t) => !t.accountId);
  if (orphan) throw new AppError("CONFLICT", `Jumio execution ${orphan.id} has no account on record, so it cannot be deleted at Jumio; sync it first. Nothing was changed.`);
  let confirmed = 0;
  for (const target of targets) {
    try {
      await jumio.deleteExecution(target.accountId!, target.id);
    } catch (error) {
      if (!(error instanceof ProviderHttpError && error.status === 404)) {
        const mapped = toAppError(error, "This execution");
        const done = confirmed ? ` Jumio had already confirmed ${confirmed} of ${targets.length}; asking again is safe.` : "";
        throw new AppError(mapped?.code ?? "UPSTREAM_ERROR", `${mapped?.message ?? "Jumio failed."} Nothing was wiped here.${done}`, mapped?.details);
      }
    }
    confirmed += 1;
  }
}
