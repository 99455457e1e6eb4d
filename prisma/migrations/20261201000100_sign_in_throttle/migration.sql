-- Sign-in throttling state per (email, client address) and per client address (lib/auth/throttle.ts).

-- CreateEnum
CREATE TYPE "SignInThrottleKind" AS ENUM ('EMAIL_IP', 'IP');

-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "kind" "SignInThrottleKind" NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "lock_count" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);
