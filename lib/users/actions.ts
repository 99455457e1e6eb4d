"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import {
  ZChangeOwnPasswordSchema,
  ZCreateUserSchema,
  ZResetPasswordSchema,
  ZSetUserActiveSchema,
  ZUpdateUserRoleSchema,
} from "./schemas";
import { startFreshSession } from "@/lib/auth/sessions";
import { changeOwnPassword, createUser, resetUserPassword, setUserActive, updateUserRole } from "./update-users";

export const createUserAction = authorizedAction(
  { name: "user.create", permission: "users.manage", input: ZCreateUserSchema },
  async (input, ctx) => {
    const user = await createUser(ctx, input);
    revalidatePath("/admin/users");
    return user;
  },
);

export const updateUserRoleAction = authorizedAction(
  { name: "user.role_change", permission: "users.manage", input: ZUpdateUserRoleSchema },
  async (input, ctx) => {
    const result = await updateUserRole(ctx, input);
    revalidatePath("/admin/users");
    return result;
  },
);

export const setUserActiveAction = authorizedAction(
  { name: "user.set_active", permission: "users.manage", input: ZSetUserActiveSchema },
  async (input, ctx) => {
    const result = await setUserActive(ctx, input);
    revalidatePath("/admin/users");
    return result;
  },
);

export const resetUserPasswordAction = authorizedAction(
  { name: "user.password_reset", permission: "users.manage", input: ZResetPasswordSchema },
  async (input, ctx) => resetUserPassword(ctx, input),
);

export const changeOwnPasswordAction = authorizedAction(
  { name: "user.password_change", permission: "account.self", input: ZChangeOwnPasswordSchema, allowPendingPasswordChange: true },
  async (input, ctx) => {
    const result = await changeOwnPassword({ ...ctx, userId: ctx.user.id }, input);
    // Every session of this user ended with the change (a stolen cookie with it); this browser gets a new one.
    await startFreshSession(ctx.db, ctx.user, ctx.request);
    return result;
  },
);
