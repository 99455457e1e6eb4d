"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Check, X } from "lucide-react";
import { approveJobAction, rejectJobAction } from "@/lib/jobs/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";

/** Four eyes: shown only to someone who may decide (a manager or admin who did not ask for the job). */
export function JobDecisionPanel({ jobId, requestedBy, threshold }: { jobId: string; requestedBy: string; threshold: number }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function decide(kind: "approve" | "reject") {
    setError(undefined);
    const text = reason.trim();
    if (kind === "reject" && !text) {
      setError("Give a reason for rejecting.");
      return;
    }
    startTransition(async () => {
      const result = kind === "approve" ? await approveJobAction({ jobId, reason: text || undefined }) : await rejectJobAction({ jobId, reason: text });
      if (!result.ok) {
        setError(result.error.message);
        toast.error(result.error.message);
        return;
      }
      toast.success(kind === "approve" ? "Approved: the job is queued and will start shortly." : "Rejected: nothing was sent.");
      router.refresh();
    });
  }

  return (
    <Card className="border-warning/40" data-testid="approval-panel">
      <CardHeader>
        <CardTitle>Waiting for your approval</CardTitle>
        <CardDescription className="[overflow-wrap:anywhere]">
          {requestedBy} asked for this change. It is larger than {threshold.toLocaleString("en")} items, so a second manager or admin decides before anything is sent.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="space-y-2">
          <Label htmlFor="decision-reason">Reason (required to reject)</Label>
          <Textarea id="decision-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="What you checked, or why not" disabled={pending} />
        </div>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => decide("approve")} disabled={pending} data-testid="approve-job">
            <Check aria-hidden />
            Approve and run
          </Button>
          <Button variant="outline" onClick={() => decide("reject")} disabled={pending} data-testid="reject-job">
            <X aria-hidden />
            Reject
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
