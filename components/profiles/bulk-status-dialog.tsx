"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { ArrowRightLeft, Loader2 } from "lucide-react";
import type { TBulkPreview, TSelection as TServerSelection } from "@/lib/profiles/status/bulk";
import { previewBulkStatusAction, requestBulkStatusAction } from "@/lib/profiles/status/actions";
import type { TStatusOption, TStatusTarget } from "@/lib/profiles/status/transitions";
import type { TSelection } from "@/components/data-table/selection-bar";
import { ProfileStatusBadge } from "@/components/badges/status";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { StatusReasonField, StatusTargetPicker } from "./status-fields";

type Props = {
  selection: TSelection;
  /** The list's filter as its URL query: "all matching" is resolved from it on the server, at confirm time. */
  query: string;
  /** How the selection reads in a sentence ("3 selected profiles"). */
  described: string;
  options: TStatusOption[];
  reasons: string[];
  onDone: () => void;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The selection bar's "Change status…": pick a status, see what the server would do, then ask for the job. */
export function BulkStatusButton(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="default" size="sm" className="h-7" onClick={() => setOpen(true)} data-testid="bulk-change-status">
        <ArrowRightLeft aria-hidden />
        Change status…
      </Button>
      {open ? <BulkStatusDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function BulkStatusDialog({ selection, query, described, options, reasons, onDone, onClose }: Props & { onClose: () => void }) {
  const [target, setTarget] = useState<TStatusTarget | null>(null);
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<{ status: TStatusTarget; data: TBulkPreview } | { status: TStatusTarget; error: string } | null>(null);
  const [errors, setErrors] = useState<{ form?: string; reason?: string }>({});
  const [pending, startTransition] = useTransition();
  const asked = useRef(0);
  const server: TServerSelection = selection.kind === "filter" ? { query } : { ids: selection.ids };
  const chosen = options.find((o) => o.value === target);

  useEffect(() => {
    if (!target) return;
    // Only the answer to the latest pick counts: an earlier one may arrive after it.
    const ticket = ++asked.current;
    void previewBulkStatusAction({ selection: server, status: target }).then((result) => {
      if (ticket !== asked.current) return;
      setPreview(result.ok ? { status: target, data: result.data } : { status: target, error: result.error.message });
    });
    // The selection is fixed while the dialog is open; only a new status asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const current = preview && preview.status === target ? preview : null;
  const ready = current && "data" in current ? current.data : null;
  const sendable = ready ? ready.byStatus.reduce((n, s) => n + s.count, 0) : 0;

  function confirm() {
    if (!chosen || !ready) return;
    if (chosen.reasonRequired && !reason) return setErrors({ reason: "Give a reason for rejecting." });
    setErrors({});
    startTransition(async () => {
      const result = await requestBulkStatusAction({ selection: server, status: chosen.value, reason: reason || undefined });
      if (!result.ok) {
        const reasonError = result.error.fieldErrors?.reason?.[0];
        setErrors(reasonError ? { reason: reasonError } : { form: result.error.message });
        return;
      }
      const { jobId, awaitingApproval, total } = result.data;
      toast.success(awaitingApproval ? `Waiting for a second manager: ${plural(total, "profile")} to ${chosen.label}.` : `Job started: ${plural(total, "profile")} to ${chosen.label}.`, {
        duration: 15_000,
        description: (
          <a href={`/jobs/${jobId}`} className="font-medium text-primary underline-offset-4 hover:underline" data-testid="bulk-job-link">
            Follow the job
          </a>
        ),
      });
      onClose();
      onDone();
    });
  }

  return (
    <Dialog open onOpenChange={(next) => (next || pending ? undefined : onClose())}>
      <DialogContent data-testid="bulk-status-dialog" className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Change the status of {described}</DialogTitle>
          <DialogDescription>A job sends the change to Trulioo in chunks; each profile follows here once Trulioo confirms it.</DialogDescription>
        </DialogHeader>
        {errors.form ? (
          <Alert variant="destructive" data-testid="bulk-status-error">
            <AlertDescription>{errors.form}</AlertDescription>
          </Alert>
        ) : null}
        <StatusTargetPicker
          name="bulk-status"
          options={options}
          value={target}
          onChange={(value) => {
            setTarget(value);
            setErrors({});
          }}
        />
        {target ? <StatusReasonField id="bulk-status-reason" reasons={reasons} required={chosen?.reasonRequired ?? false} onChange={setReason} error={errors.reason} /> : null}
        {target ? <PreviewView preview={current} target={target} label={chosen?.label ?? target} /> : null}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="button" onClick={confirm} disabled={pending || !ready || sendable === 0} data-testid="confirm-bulk-status">
            {pending ? "Starting…" : ready && chosen ? `${ready.needsApproval ? "Ask to set" : "Set"} ${plural(sendable, "profile")} to ${chosen.label}` : "Set status"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

const ROW = "grid grid-cols-[2.5rem_auto_minmax(0,1fr)] items-center gap-x-2";

function PreviewView({ preview, target, label }: { preview: { data: TBulkPreview } | { error: string } | null; target: TStatusTarget; label: string }) {
  if (!preview) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Counting what would change…
      </p>
    );
  }
  if ("error" in preview) {
    return (
      <Alert variant="destructive" data-testid="bulk-preview-error">
        <AlertDescription>{preview.error}</AlertDescription>
      </Alert>
    );
  }
  const p = preview.data;
  const sendable = p.byStatus.reduce((n, s) => n + s.count, 0);
  return (
    <div className="space-y-3 rounded-md border border-border bg-muted/40 p-3 text-sm" data-testid="bulk-preview" role="status">
      <p>
        <span className="font-medium">{plural(p.total, "profile")}</span> in the selection now.{" "}
        {sendable === 0 ? "None" : sendable === p.total ? "All" : sendable.toLocaleString("en")} will be sent to Trulioo{sendable ? ":" : "."}
      </p>
      {p.byStatus.length ? (
        <ul className="space-y-1" aria-label="Sent, by current status">
          {p.byStatus.map((s) => (
            <li key={s.status} className={ROW}>
              <span className="text-right tabular-nums">{s.count.toLocaleString("en")}</span>
              <ProfileStatusBadge status={s.status} />
              <span className="text-muted-foreground">{s.status === target ? "no change" : `→ ${label}`}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {p.unchanged ? (
        <p className="text-muted-foreground" data-testid="bulk-preview-unchanged">
          {plural(p.unchanged, "is", "are")} already {label}: sent anyway, nothing changes for {p.unchanged === 1 ? "it" : "them"}.
        </p>
      ) : null}
      {p.refused.length ? (
        <div data-testid="bulk-preview-refused">
          <p className="font-medium text-destructive">Refused by the transition rules, not sent:</p>
          <ul className="mt-1 space-y-1">
            {p.refused.map((r) => (
              <li key={r.status} className={ROW}>
                <span className="text-right tabular-nums">{r.count.toLocaleString("en")}</span>
                <ProfileStatusBadge status={r.status} />
                <span className="text-muted-foreground">{r.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.needsApproval ? (
        <Alert variant="warning" data-testid="bulk-preview-approval">
          <AlertDescription>
            More than {p.threshold.toLocaleString("en")} profiles: a second manager must approve the job before anything is sent.
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
