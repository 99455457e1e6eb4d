"use client";

import { useState, useTransition } from "react";
import { resetUserPasswordAction } from "@/lib/users/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { OneTimePasswordField } from "./password-field";

export function ResetPasswordDialog({ user, onClose }: { user: { id: string; email: string } | null; onClose: () => void }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!user) return;
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await resetUserPasswordAction({ userId: user.id, oneTimePassword: String(form.get("oneTimePassword") ?? "") });
      if (!result.ok) {
        setError(result.error.fieldErrors?.oneTimePassword?.[0] ?? result.error.message);
        return;
      }
      toast.success(`${user.email} must sign in with the new one-time password.`);
      onClose();
    });
  }

  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(undefined);
          onClose();
        }
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Set a one-time password</DialogTitle>
          <DialogDescription>
            {user?.email} signs in with it once and then chooses their own. Their current password stops working.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <div className="space-y-1.5">
            <Label htmlFor="reset-password">One-time password</Label>
            <OneTimePasswordField id="reset-password" name="oneTimePassword" />
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              Set password
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
