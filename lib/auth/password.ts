import bcrypt from "bcryptjs";
import { z } from "zod";

// bcrypt cost 11: ~100 ms here, enough to make offline guessing slow without stalling sign-in.
const COST = 11;

export const ZNewPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(128, "Use at most 128 characters")
  .refine((value) => /[a-zA-Z]/.test(value) && /[^a-zA-Z]/.test(value), {
    message: "Mix letters with digits or symbols",
  });

export async function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

// A fixed hash to compare against when the account does not exist, so a missing user costs as much
// time as a wrong password and response times do not reveal which emails are registered.
const DUMMY_HASH = "$2b$11$bJf7EiC7E4MX8FrLZ9f3q.wZCRr/uqC5HvZRtfn88BGoGvKX0GTKa";

export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(plain, DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(plain, hash);
}
