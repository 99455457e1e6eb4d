import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { PageHeader } from "@/components/layout/page-header";
import { ChangePasswordForm } from "@/components/account/change-password-form";

export const metadata: Metadata = { title: "Change password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangePasswordPage({ searchParams }: Props) {
  const user = await requirePageUser("account.self");
  const params = await searchParams;
  return (
    <div className="max-w-md">
      <PageHeader
        title={user.mustChangePassword ? "Choose your password" : "Change password"}
        description={
          user.mustChangePassword
            ? "You signed in with a one-time password. Choose your own to continue."
            : "At least 12 characters, mixing letters with digits or symbols."
        }
      />
      <ChangePasswordForm callbackUrl={safeCallbackUrl(params.callbackUrl)} />
    </div>
  );
}
