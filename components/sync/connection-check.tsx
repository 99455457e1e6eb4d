"use client";

import { useState, useTransition } from "react";
import { PlugZap } from "lucide-react";
import { checkConnectionAction } from "@/lib/providers/check/actions";
import { describeCall, describeResult, summarise } from "@/lib/providers/check/format";
import type { TCheckOutcome, TCheckReport } from "@/lib/providers/check/types";
import { PROVIDER_LABELS } from "@/lib/providers/errors";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";

const VARIANT: Record<TCheckOutcome, BadgeProps["variant"]> = {
  accepted: "success",
  differs: "warning",
  failed: "destructive",
  skipped: "outline",
  not_configured: "outline",
};

/** ADMIN's go-live check (the same as `npm run providers:check`): every provider read, once, in a table. */
export function ConnectionCheck() {
  const [report, setReport] = useState<TCheckReport | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await checkConnectionAction({});
      if (result.ok) setReport(result.data);
      else toast.error(result.error.message);
    });
  return (
    <div className="space-y-3" data-testid="connection-check">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="outline" disabled={pending} onClick={run}>
          <PlugZap className="size-4" aria-hidden /> {pending ? "Checking…" : "Check connection"}
        </Button>
        <p className="text-sm text-muted-foreground">
          {report ? summarise(report) : "Calls every read the app makes of each provider once, with this installation's settings. Nothing is written; it takes up to a minute."}
        </p>
      </div>
      {report ? (
        <Table data-testid="connection-check-results">
          <TableHeader>
            <TableRow>
              <TableHead>Provider</TableHead>
              <TableHead>Call</TableHead>
              <TableHead>HTTP</TableHead>
              <TableHead>Result</TableHead>
              <TableHead className="text-right">Time</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.results.map((r, i) => (
              <TableRow key={`${r.provider}-${r.ref}-${i}`} data-outcome={r.outcome}>
                <TableCell className="whitespace-nowrap">{PROVIDER_LABELS[r.provider]}</TableCell>
                <TableCell className="font-mono text-xs break-all">{describeCall(r)}</TableCell>
                <TableCell className="tabular-nums">{r.status ?? "–"}</TableCell>
                <TableCell>
                  <Badge variant={VARIANT[r.outcome]} className="whitespace-normal">
                    {describeResult(r)}
                  </Badge>
                  {r.unknownFields.length ? (
                    <p className="mt-1 text-xs text-muted-foreground">
                      Fields the app does not read: <span className="font-mono">{r.unknownFields.join(", ")}</span>
                    </p>
                  ) : null}
                </TableCell>
                <TableCell className="text-right tabular-nums whitespace-nowrap">{r.outcome === "skipped" || r.outcome === "not_configured" ? "–" : `${r.durationMs} ms`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
