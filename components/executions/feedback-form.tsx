"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { setFeedbackAction } from "@/lib/executions/actions";
import { FEEDBACK_REASONS, FEEDBACK_STATUSES } from "@/lib/providers/jumio/schemas";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/ui/use-hydrated";

// The reasons that go with FRAUD (contract §2.5); NOT_FRAUD and NA take none. The server's schema
// (lib/executions/feedback.ts) refuses any other pair.
const FRAUD_REASONS = FEEDBACK_REASONS.filter((r) => r !== "NA");
// "NA" is Jumio's "not applicable", not a word: sentence-cased it read "Na".
const label = (value: string) => (value === "NA" ? "Not applicable" : value.toLowerCase().replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()));
const selectClass = "h-9 w-full rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

type TStatus = (typeof FEEDBACK_STATUSES)[number];

export function FeedbackForm({ executionId, current }: { executionId: string; current: { status: string | null; reason: string | null } }) {
  const [status, setStatus] = useState<TStatus | "">("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const router = useRouter();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!status) return setError("Choose a status.");
    if (status === "FRAUD" && !reason) return setError("FRAUD needs a reason.");
    startTransition(async () => {
      const result = await setFeedbackAction({ executionId, status, reason: status === "FRAUD" ? (reason as (typeof FRAUD_REASONS)[number]) : undefined });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      toast.success(`Feedback set: ${label(status)}${status === "FRAUD" ? ` · ${label(reason)}` : ""}.`);
      setStatus("");
      setReason("");
      router.refresh();
    });
  }

  return (
    <form method="post" onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid="feedback-form" noValidate>
      <div className="space-y-1">
        <Label htmlFor="feedback-status">Status</Label>
        <select id="feedback-status" className={selectClass} value={status} onChange={(e) => { setStatus(e.target.value as TStatus | ""); setReason(""); }}>
          <option value="">Choose…</option>
          {FEEDBACK_STATUSES.map((s) => (
            <option key={s} value={s} disabled={s === current.status && s !== "FRAUD"}>
              {label(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <Label htmlFor="feedback-reason">Reason{status === "FRAUD" ? "" : " (FRAUD only)"}</Label>
        <select id="feedback-reason" className={selectClass} value={reason} onChange={(e) => setReason(e.target.value)} disabled={status !== "FRAUD"} required={status === "FRAUD"}>
          <option value="">{status === "FRAUD" ? "Choose…" : "—"}</option>
          {status === "FRAUD" ? FRAUD_REASONS.map((r) => <option key={r} value={r}>{label(r)}</option>) : null}
        </select>
      </div>
      <Button type="submit" size="sm" disabled={pending || !hydrated}>
        {pending ? "Sending to Jumio…" : "Set feedback"}
      </Button>
      {error ? <p role="alert" className="text-sm text-destructive sm:col-span-3">{error}</p> : null}
    </form>
  );
}
