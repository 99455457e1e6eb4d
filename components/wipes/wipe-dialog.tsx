"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Eraser } from "lucide-react";
import { wipeAccountAction, wipeExecutionAction, wipeProfileAction } from "@/lib/wipes/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";

/** What is wiped (a profile, one execution, or every execution of a Jumio account) and what to type for it. */
export type TWipeTarget =
  | { kind: "profile"; id: string }
  | { kind: "execution"; id: string }
  | { kind: "account"; id: string };

type Props = {
  target: TWipeTarget;
  /** The button's words. */
  label: string;
  title: string;
  /** Exactly what will be erased, line by line (counts included). */
  erases: string[];
  /** What stays, and who still holds a copy upstream. */
  keeps: string[];
  /** What must be typed: the id, or WIPE ALL for an account. */
  confirmation: string;
};

/** The PII wipe: says what goes and what stays, and asks for the id (or WIPE ALL) typed out and a reason. */
export function WipeButton(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="outline" size="sm" className="text-destructive hover:text-destructive" onClick={() => setOpen(true)} data-testid={`wipe-${props.target.kind}`}>
        <Eraser aria-hidden />
        {props.label}
      </Button>
      {open ? <WipeDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function WipeDialog({ target, title, erases, keeps, confirmation, onClose }: Props & { onClose: () => void }) {
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ form?: string; confirmation?: string; reason?: string }>({});
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const matches = target.kind === "account" ? typed.trim() === confirmation : typed.trim().toLowerCase() === confirmation.toLowerCase();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) return setErrors({ confirmation: `Type ${confirmation} exactly to confirm.` });
    if (reason.trim().length < 3) return setErrors({ reason: "Say why this person's data is wiped." });
    setErrors({});
    startTransition(async () => {
      const input = { confirmation: typed, reason };
      const result =
        target.kind === "profile" ? await wipeProfileAction({ profileId: target.id, ...input })
        : target.kind === "execution" ? await wipeExecutionAction({ executionId: target.id, ...input })
        : await wipeAccountAction({ accountId: target.id, ...input });
      if (!result.ok) {
        const field = result.error.fieldErrors;
        setErrors(field?.confirmation?.[0] ? { confirmation: field.confirmation[0] } : field?.reason?.[0] ? { reason: field.reason[0] } : { form: result.error.message });
        return;
      }
      onClose();
      if (target.kind === "account" && "jobId" in result.data) {
        toast.success("The account wipe is a job now; its page shows the progress.");
        router.push(`/jobs/${result.data.jobId}`);
        return;
      }
      toast.success("Personal data wiped.");
      router.refresh();
    });
  }

  return (
    <Dialog open onOpenChange={(next) => (next || pending ? undefined : onClose())}>
      <DialogContent data-testid="wipe-dialog" className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>This cannot be undone. The provider is asked first; nothing changes here unless it confirms.</DialogDescription>
        </DialogHeader>
        <div className="space-y-3 text-sm">
          <div>
            <p className="font-medium">Erased</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="wipe-erases">
              {erases.map((line) => <li key={line}>{line}</li>)}
            </ul>
          </div>
          <div>
            <p className="font-medium">Kept</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-muted-foreground" data-testid="wipe-keeps">
              {keeps.map((line) => <li key={line}>{line}</li>)}
            </ul>
          </div>
        </div>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {errors.form ? (
            <Alert variant="destructive" data-testid="wipe-error">
              <AlertDescription>{errors.form}</AlertDescription>
            </Alert>
          ) : null}
          <div className="space-y-1.5">
            <Label htmlFor="wipe-confirmation">
              Type <span className="font-mono text-xs break-all select-all">{confirmation}</span> to confirm
            </Label>
            <Input id="wipe-confirmation" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} aria-invalid={!!errors.confirmation} className="font-mono text-xs" />
            {errors.confirmation ? <p className="text-xs text-destructive">{errors.confirmation}</p> : null}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="wipe-reason">Reason (kept in the audit log)</Label>
            <Textarea id="wipe-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} placeholder="e.g. erasure request of 12 May, ticket DPO-431" aria-invalid={!!errors.reason} />
            {errors.reason ? <p className="text-xs text-destructive">{errors.reason}</p> : null}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" disabled={pending || !matches || reason.trim().length < 3} data-testid="confirm-wipe">
              {pending ? "Wiping…" : target.kind === "account" ? "Wipe all" : "Wipe personal data"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
