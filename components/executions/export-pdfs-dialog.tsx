"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { FileArchive, Loader2 } from "lucide-react";
import { previewPdfExportAction, requestPdfExportAction } from "@/lib/exports/actions";
import type { TPdfExportPreview } from "@/lib/exports/pdf-request";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";

type Props = {
  /** The list's filter as its URL query: resolved on the server when confirmed, never trusted from here. */
  query: string;
  /** How many executions the list shows for that filter now (the server counts again). */
  filterTotal: { value: number; exact: boolean };
  /** EXPORT_RETENTION_HOURS, said in the dialog. */
  retentionHours: number;
  /** The list's own created range, if any: the date range starts from it. */
  range: { from?: string; to?: string };
};

type TSelection = { query: string } | { createdFrom: string; createdTo: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The executions list's "Export PDFs…": the current filter or a date range, counted, then a job. */
export function ExportPdfsButton(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="outline" size="sm" className="h-8" onClick={() => setOpen(true)} data-testid="export-pdfs">
        <FileArchive aria-hidden />
        Export PDFs…
      </Button>
      {open ? <ExportPdfsDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ExportPdfsDialog({ query, filterTotal, range, retentionHours, onClose }: Props & { onClose: () => void }) {
  const [mode, setMode] = useState<"filter" | "range">("filter");
  // Without a range on the list: the last seven days (read once, when the dialog opens).
  const [from, setFrom] = useState(() => range.from ?? day(new Date(Date.now() - 6 * 86_400_000)));
  const [to, setTo] = useState(() => range.to ?? day(new Date()));
  const [preview, setPreview] = useState<{ key: string; data: TPdfExportPreview } | { key: string; error: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const asked = useRef(0);
  const selection: TSelection = mode === "filter" ? { query } : { createdFrom: from, createdTo: to };
  const key = JSON.stringify(selection);
  const rangeValid = mode === "filter" || (Boolean(from) && Boolean(to) && from <= to);

  useEffect(() => {
    if (!rangeValid) return;
    // Only the answer to the latest choice counts: an earlier one may arrive after it.
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      void previewPdfExportAction({ selection }).then((result) => {
        if (ticket !== asked.current) return;
        setPreview(result.ok ? { key, data: result.data } : { key, error: result.error.message });
      });
    }, 200);
    return () => clearTimeout(timer);
    // The key is the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, rangeValid]);

  const current = preview && preview.key === key ? preview : null;
  const ready = current && "data" in current ? current.data : null;

  function confirm() {
    if (!ready) return;
    setError(null);
    startTransition(async () => {
      const result = await requestPdfExportAction({ selection });
      if (!result.ok) return setError(result.error.message);
      toast.success(`Export started: ${plural(result.data.pdfs, "PDF")} of ${plural(result.data.total, "execution")}.`, {
        duration: 15_000,
        description: (
          <a href={`/jobs/${result.data.jobId}`} className="font-medium text-primary underline-offset-4 hover:underline" data-testid="export-job-link">
            Follow the job; the ZIP is there when it is ready
          </a>
        ),
      });
      onClose();
    });
  }

  return (
    <Dialog open onOpenChange={(next) => (next || pending ? undefined : onClose())}>
      <DialogContent data-testid="export-pdfs-dialog" className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Export transaction PDFs</DialogTitle>
          <DialogDescription>A job fetches each Jumio PDF into one ZIP with an index of every execution (CSV). You download it from the Jobs page.</DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="destructive" data-testid="export-pdfs-error">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <fieldset className="space-y-3">
          <legend className="sr-only">Which executions</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="pdf-export-mode" className="mt-1" checked={mode === "filter"} onChange={() => setMode("filter")} data-testid="export-mode-filter" />
            <span>
              The current filter <span className="text-muted-foreground">({filterTotal.exact ? "" : "about "}{plural(filterTotal.value, "execution")} in the list)</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="pdf-export-mode" className="mt-1" checked={mode === "range"} onChange={() => setMode("range")} data-testid="export-mode-range" />
            <span>Every execution created in a date range (UTC days)</span>
          </label>
          {mode === "range" ? (
            <div className="grid grid-cols-2 gap-3 pl-6">
              <div className="space-y-1">
                <Label htmlFor="pdf-export-from">From</Label>
                <Input id="pdf-export-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} data-testid="export-from" />
              </div>
              <div className="space-y-1">
                <Label htmlFor="pdf-export-to">To (included)</Label>
                <Input id="pdf-export-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} data-testid="export-to" />
              </div>
            </div>
          ) : null}
        </fieldset>
        {!rangeValid ? <p className="text-sm text-destructive">Pick a start day on or before the end day.</p> : <PreviewView preview={current} retentionHours={retentionHours} />}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="button" onClick={confirm} disabled={pending || !rangeValid || !ready || ready.pdfs === 0} data-testid="confirm-export-pdfs">
            {pending ? "Starting…" : ready ? `Export ${plural(ready.pdfs, "PDF")}` : "Export"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function PreviewView({ preview, retentionHours }: { preview: { data: TPdfExportPreview } | { error: string } | null; retentionHours: number }) {
  if (!preview) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Counting the executions…
      </p>
    );
  }
  if ("error" in preview) {
    return (
      <Alert variant="destructive" data-testid="export-preview-error">
        <AlertDescription>{preview.error}</AlertDescription>
      </Alert>
    );
  }
  const p = preview.data;
  const without = [
    [p.trustx, "TrustX (no PDF)"],
    [p.wiped, "wiped"],
    [p.noAccount, "without a Jumio account on record"],
  ].filter(([n]) => (n as number) > 0) as [number, string][];
  return (
    <div className="space-y-1 rounded-md border border-border bg-muted/40 p-3 text-sm" data-testid="export-preview" role="status">
      <p>
        <span className="font-medium" data-testid="export-preview-total">{plural(p.total, "execution")}</span>:{" "}
        <span className="font-medium" data-testid="export-preview-pdfs">{plural(p.pdfs, "PDF")}</span> to fetch.
      </p>
      {without.length ? (
        <p className="text-muted-foreground">
          Listed in the index without a PDF: {without.map(([n, what]) => `${n.toLocaleString("en")} ${what}`).join(", ")}.
        </p>
      ) : null}
      <p className="text-xs text-muted-foreground">At most {p.max.toLocaleString("en")} executions per export. The ZIP is kept {plural(retentionHours, "hour")}, then removed.</p>
    </div>
  );
}
