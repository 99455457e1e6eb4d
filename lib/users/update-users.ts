import "server-only";
import type { Db, DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { TAuditActor, TRequestContext } from "@/lib/audit/schemas";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type {
  TChangeOwnPasswordInput,
  TCreateUserInput,
  TResetPasswordInput,
  TSetUserActiveInput,
  TUpdateUserRoleInput,
} from "./schemas";

export type TUserChangeContext = { db: Db; actor: TAuditActor; request: TRequestContext };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

async function loadForUpdate(tx: DbTransaction, userId: string) {
  // Row locks on every active admin serialise concurrent demotions/deactivations, so two admins
  // cannot each remove the other and leave nobody in charge.
  await tx.$queryRaw`SELECT id FROM users WHERE role = 'ADMIN' AND active FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  return user;
}

async function assertNotLastAdmin(tx: DbTransaction, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) {
    throw new AppError("CONFLICT", "This is the last active admin: make another user admin first.");
  }
}

export async function createUser(ctx: TUserChangeContext, input: TCreateUserInput) {
  const passwordHash = await hashPassword(input.oneTimePassword);
  try {
    return await ctx.db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true },
        select: { id: true, email: true, role: true },
      });
      await recordAudit(tx, {
        actor: ctx.actor,
        request: ctx.request,
        action: "user.create",
        outcome: "SUCCESS",
        target: { type: "user", id: user.id },
        details: { email: user.email, role: user.role },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `A user with the email ${input.email} already exists.`);
    throw error;
  }
}

export async function updateUserRole(ctx: TUserChangeContext, input: TUpdateUserRoleInput) {
  return ctx.db.$transaction(async (tx) => {
    const user = await loadForUpdate(tx, input.userId);
    if (user.role === input.role) return { id: user.id, role: user.role };
    if (user.role === "ADMIN" && user.active) await assertNotLastAdmin(tx, user.id);
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await revokeUserSessions(tx, user.id, "role_change");
    await recordAudit(tx, {
      actor: ctx.actor,
      request: ctx.request,
      action: "user.role_change",
      outcome: "SUCCESS",
      target: { type: "user", id: user.id },
      details: { email: user.email, from: user.role, to: input.role },
    });
    return { id: updated.id, role: updated.role };
  });
}

export async function setUserActive(ctx: TUserChangeContext, input: TSetUserActiveInput) {
  return ctx.db.$transaction(async (tx) => {
    const user = await loadForUpdate(tx, input.userId);
    if (user.active === input.active) return { id: user.id, active: user.active };
    if (!input.active) {
      if (user.id === ctx.actor.id) throw new AppError("CONFLICT", "You cannot deactivate your own account.");
      if (user.role === "ADMIN") await assertNotLastAdmin(tx, user.id);
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { active: input.active, deactivatedAt: input.active ? null : new Date() },
    });
    if (!input.active) await revokeUserSessions(tx, user.id, "deactivated");
    await recordAudit(tx, {
      actor: ctx.actor,
      request: ctx.request,
      action: input.active ? "user.reactivate" : "user.deactivate",
      outcome: "SUCCESS",
      target: { type: "user", id: user.id },
      details: { email: user.email },
    });
    return { id: updated.id, active: updated.active };
  });
}

export async function resetUserPassword(ctx: TUserChangeContext, input: TResetPasswordInput) {
  const passwordHash = await hashPassword(input.oneTimePassword);
  return ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
    await revokeUserSessions(tx, user.id, "password_reset");
    await recordAudit(tx, {
      actor: ctx.actor,
      request: ctx.request,
      action: "user.password_reset",
      outcome: "SUCCESS",
      target: { type: "user", id: user.id },
      details: { email: user.email },
    });
    return { id: user.id };
  });
}

export async function changeOwnPassword(ctx: TUserChangeContext & { userId: string }, input: TChangeOwnPasswordInput) {
  const user = await ctx.db.user.findUnique({ where: { id: ctx.userId } });
  if (!user) throw new AppError("NOT_FOUND", "Your account no longer exists.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordAudit(ctx.db, {
      actor: ctx.actor,
      request: ctx.request,
      action: "user.password_change",
      outcome: "FAILED",
      target: { type: "user", id: user.id },
      details: { reason: "wrong_current_password" },
    });
    throw new AppError("BAD_REQUEST", "Your current password is not right.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await revokeUserSessions(tx, user.id, "password_change");
    await recordAudit(tx, {
      actor: ctx.actor,
      request: ctx.request,
      action: "user.password_change",
      outcome: "SUCCESS",
      target: { type: "user", id: user.id },
    });
  });
  return { id: user.id };
}
