import "server-only";
import type { TActionContext } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { profileList } from "@/lib/profiles/schemas";
import type { TCreateViewInput, TDeleteViewInput, TRenameViewInput, TSavedViewList } from "./schemas";

const LISTS: Record<TSavedViewList, { parse: typeof profileList.parse; toQuery: typeof profileList.toQuery }> = {
  profiles: profileList,
};

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** A view keeps filter, search, sort, page size and columns; never a page position. */
function normalise(list: TSavedViewList, query: string): string {
  const { params, notices } = LISTS[list].parse(new URLSearchParams(query));
  if (notices.length) throw new AppError("BAD_REQUEST", `This view cannot be saved: ${notices[0]}`);
  return LISTS[list].toQuery({ ...params, page: 1, cursor: null });
}

export async function createSavedView(ctx: TActionContext, input: TCreateViewInput) {
  const query = normalise(input.list, input.query);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const view = await tx.savedView.create({
        data: { ownerId: ctx.user.id, list: input.list, name: input.name, query, shared: input.shared },
        select: { id: true, name: true, query: true },
      });
      await recordAudit(tx, ctx.audit({
        action: "views.create", outcome: "SUCCESS", target: { type: "saved_view", id: view.id },
        details: { list: input.list, name: input.name, query, shared: input.shared },
      }));
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `You already have a view named "${input.name}".`);
    throw error;
  }
}

async function ownView(ctx: TActionContext, id: string) {
  const view = await ctx.db.savedView.findUnique({ where: { id } });
  // Someone else's view is "not found" to this user, shared or not: only its owner changes it.
  if (!view || view.ownerId !== ctx.user.id) throw new AppError("NOT_FOUND", "That view does not exist or is not yours.");
  return view;
}

export async function renameSavedView(ctx: TActionContext, input: TRenameViewInput) {
  await ownView(ctx, input.id);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const view = await tx.savedView.update({ where: { id: input.id }, data: { name: input.name }, select: { id: true, name: true } });
      await recordAudit(tx, ctx.audit({ action: "views.rename", outcome: "SUCCESS", target: { type: "saved_view", id: view.id }, details: { name: input.name } }));
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `You already have a view named "${input.name}".`);
    throw error;
  }
}

export async function deleteSavedView(ctx: TActionContext, input: TDeleteViewInput) {
  const view = await ownView(ctx, input.id);
  await ctx.db.$transaction(async (tx) => {
    await tx.savedView.delete({ where: { id: view.id } });
    await recordAudit(tx, ctx.audit({ action: "views.delete", outcome: "SUCCESS", target: { type: "saved_view", id: view.id }, details: { name: view.name } }));
  });
  return { id: view.id };
}
