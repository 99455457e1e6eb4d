import { z } from "zod";
import { ZRoleSchema } from "@/lib/auth/permissions";
import { ZNewPasswordSchema } from "@/lib/auth/password";

export const ZUserIdSchema = z.string().uuid("Unknown user");

export const ZCreateUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email").max(320, "Use at most 320 characters"),
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  role: ZRoleSchema,
  oneTimePassword: ZNewPasswordSchema,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserSchema>;

export const ZUpdateUserRoleSchema = z.object({ userId: ZUserIdSchema, role: ZRoleSchema });
export type TUpdateUserRoleInput = z.infer<typeof ZUpdateUserRoleSchema>;

export const ZSetUserActiveSchema = z.object({ userId: ZUserIdSchema, active: z.boolean() });
export type TSetUserActiveInput = z.infer<typeof ZSetUserActiveSchema>;

export const ZResetPasswordSchema = z.object({ userId: ZUserIdSchema, oneTimePassword: ZNewPasswordSchema });
export type TResetPasswordInput = z.infer<typeof ZResetPasswordSchema>;

export const ZChangeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: ZNewPasswordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: "Choose a password different from the current one",
    path: ["newPassword"],
  });
export type TChangeOwnPasswordInput = z.infer<typeof ZChangeOwnPasswordSchema>;
