import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in";
import { getEnv, isOidcEnabled } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const user = await getCurrentUser();
  if (user) redirect(callbackUrl);

  const errorKey = typeof params.error === "string" ? params.error : undefined;
  // Own keys only: `in` would also find toString and every other prototype key.
  const initialError =
    errorKey && Object.hasOwn(SIGN_IN_ERRORS, errorKey)
      ? SIGN_IN_ERRORS[errorKey as keyof typeof SIGN_IN_ERRORS]
      : errorKey
        ? "Sign-in failed. Try again."
        : undefined;
  const env = getEnv();

  return (
    <main className="grid min-h-screen lg:grid-cols-[1fr_1.1fr]">
      <section className="hidden flex-col justify-between bg-slate-950 p-10 text-slate-100 lg:flex">
        <div className="flex items-center gap-2 text-lg font-semibold">
          <ShieldCheck className="size-6 text-indigo-400" aria-hidden />
          Compliance Desk
        </div>
        <div className="max-w-md space-y-4">
          <p className="text-3xl font-semibold leading-tight">Every verification, every decision, one accountable trail.</p>
          <p className="text-slate-400">
            Review Trulioo profiles, Jumio executions and TrustX journeys in one place. Every action is authorised by
            role and recorded in an append-only audit log.
          </p>
        </div>
        <p className="text-xs text-slate-500">Access is restricted to authorised staff. Activity is logged.</p>
      </section>
      <section className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm space-y-6">
          <div className="space-y-1">
            <div className="flex items-center gap-2 text-lg font-semibold lg:hidden">
              <ShieldCheck className="size-5 text-primary" aria-hidden />
              Compliance Desk
            </div>
            <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
            <p className="text-sm text-muted-foreground">Use your work email and password.</p>
          </div>
          <LoginForm
            callbackUrl={callbackUrl}
            initialError={initialError}
            oidc={isOidcEnabled(env) ? { name: env.OIDC_DISPLAY_NAME } : null}
            errorMessages={SIGN_IN_ERRORS}
          />
        </div>
      </section>
    </main>
  );
}
