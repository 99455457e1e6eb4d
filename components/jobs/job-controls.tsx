"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Ban, RotateCcw } from "lucide-react";
import { cancelJobAction, retryFailedAction } from "@/lib/jobs/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

type Props = { jobId: string; canCancel: boolean; retryable: number };

/** Cancel (jobs.manage) and "Retry the failed ones" (the kind's own permission); the page decides which show. */
export function JobControls({ jobId, canCancel, retryable }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const fail = (message: string) => {
    setError(message);
    toast.error(message);
  };

  function cancel() {
    startTransition(async () => {
      const result = await cancelJobAction({ jobId });
      setConfirming(false);
      if (!result.ok) return fail(result.error.message);
      toast.success(result.data.state === "CANCELLED" ? "Cancelled: nothing more will be sent." : "Cancelling: the job stops after the chunk in flight.");
      router.refresh();
    });
  }

  function retry() {
    setError(undefined);
    startTransition(async () => {
      const result = await retryFailedAction({ jobId });
      if (!result.ok) return fail(result.error.message);
      toast.success(`A new job retries ${result.data.total.toLocaleString("en")} failed ${result.data.total === 1 ? "item" : "items"}.`);
      router.push(`/jobs/${result.data.jobId}`);
    });
  }

  if (!canCancel && retryable === 0) return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {retryable > 0 ? (
          <Button variant="outline" onClick={retry} disabled={pending} data-testid="retry-failed">
            <RotateCcw aria-hidden />
            Retry the failed ones ({retryable.toLocaleString("en")})
          </Button>
        ) : null}
        {canCancel ? (
          <Button variant="outline" onClick={() => setConfirming(true)} disabled={pending} data-testid="cancel-job">
            <Ban aria-hidden />
            Cancel job
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="max-w-80 text-right text-xs text-destructive" data-testid="job-control-error">
          {error}
        </p>
      ) : null}
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Cancel this job?</DialogTitle>
            <DialogDescription>Items not yet sent are skipped. A chunk already with the provider finishes; what it changed stays changed.</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={pending}>
                Keep it running
              </Button>
            </DialogClose>
            <Button variant="destructive" onClick={cancel} disabled={pending} data-testid="confirm-cancel">
              Cancel job
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
