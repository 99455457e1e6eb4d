"use client";

import { useState, useTransition } from "react";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/ui/use-hydrated";

export function ChangePasswordForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirmPassword") ?? "")) {
      setError("The two new passwords do not match.");
      return;
    }
    startTransition(async () => {
      const result = await changeOwnPasswordAction({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword });
      if (!result.ok) {
        setError(result.error.fieldErrors?.newPassword?.[0] ?? result.error.message);
        return;
      }
      toast.success("Your password is changed.");
      window.location.assign(callbackUrl);
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor="current-password">Current password</Label>
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="new-password">New password</Label>
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" required />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="confirm-password">Repeat new password</Label>
        <Input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required />
      </div>
      <Button type="submit" disabled={pending || !hydrated}>
        Save password
      </Button>
    </form>
  );
}
