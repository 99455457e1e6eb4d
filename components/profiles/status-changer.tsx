"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ArrowRightLeft } from "lucide-react";
import { changeStatusAction } from "@/lib/profiles/status/actions";
import type { TStatusOption, TStatusTarget } from "@/lib/profiles/status/transitions";
import { ProfileStatusBadge } from "@/components/badges/status";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { StatusReasonField, StatusTargetPicker } from "./status-fields";

type Props = { profileId: string; status: string; statusLabel: string; options: TStatusOption[]; reasons: string[] };

/** Sets this profile's status by hand: only the statuses the contract allows from where it stands. */
export function StatusChanger({ profileId, status, statusLabel, options, reasons }: Props) {
  const [open, setOpen] = useState(false);
  if (options.length === 0) {
    return (
      <span className="text-xs text-muted-foreground" data-testid="status-change-none">
        Trulioo allows no change by hand from {statusLabel}.
      </span>
    );
  }
  return (
    <>
      <Button type="button" variant="outline" size="sm" className="h-7" onClick={() => setOpen(true)} data-testid="change-status">
        <ArrowRightLeft aria-hidden />
        Change status…
      </Button>
      {/* Remounted on each opening, so a half-filled form from before never comes back. */}
      {open ? <StatusChangeDialog profileId={profileId} status={status} options={options} reasons={reasons} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function StatusChangeDialog({ profileId, status, options, reasons, onClose }: Omit<Props, "statusLabel"> & { onClose: () => void }) {
  const [target, setTarget] = useState<TStatusTarget | null>(options.length === 1 ? options[0]!.value : null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ form?: string; reason?: string }>({});
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const chosen = options.find((o) => o.value === target);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return setErrors({ form: "Pick the new status." });
    if (chosen.reasonRequired && !reason) return setErrors({ reason: "Give a reason for rejecting." });
    setErrors({});
    startTransition(async () => {
      const result = await changeStatusAction({ profileId, status: chosen.value, reason: reason || undefined });
      if (!result.ok) {
        const reasonError = result.error.fieldErrors?.reason?.[0];
        setErrors(reasonError ? { reason: reasonError } : { form: result.error.message });
        return;
      }
      toast.success(`Status set to ${chosen.label}, in Trulioo and here.`);
      onClose();
      router.refresh();
    });
  }

  return (
    <Dialog open onOpenChange={(next) => (next || pending ? undefined : onClose())}>
      <DialogContent data-testid="status-change-dialog">
        <DialogHeader>
          <DialogTitle>Change status</DialogTitle>
          <DialogDescription>Trulioo is changed first; this profile follows here once Trulioo confirms.</DialogDescription>
        </DialogHeader>
        <p className="flex items-center gap-2 text-sm">
          <span className="text-muted-foreground">Now</span>
          <ProfileStatusBadge status={status} />
        </p>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {errors.form ? (
            <Alert variant="destructive" data-testid="status-change-error">
              <AlertDescription>{errors.form}</AlertDescription>
            </Alert>
          ) : null}
          <StatusTargetPicker
            name="status"
            options={options}
            value={target}
            onChange={(value) => {
              setTarget(value);
              setErrors({});
            }}
          />
          <StatusReasonField id="status-reason" reasons={reasons} required={chosen?.reasonRequired ?? false} onChange={setReason} error={errors.reason} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending || !chosen} data-testid="confirm-status">
              {pending ? "Asking Trulioo…" : chosen ? `Set to ${chosen.label}` : "Set status"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
