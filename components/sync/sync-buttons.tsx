"use client";

import { useTransition } from "react";
import { RefreshCw, RotateCcw } from "lucide-react";
import { startSyncAction } from "@/lib/sync/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function SyncButtons() {
  const [pending, startTransition] = useTransition();
  const start = (kind: "INCREMENTAL" | "FULL") =>
    startTransition(async () => {
      const result = await startSyncAction({ kind });
      if (result.ok) toast.success(kind === "FULL" ? "Full resync queued." : "Sync queued.");
      else toast.error(result.error.message);
    });
  return (
    <>
      <Button variant="outline" disabled={pending} onClick={() => start("FULL")}>
        <RotateCcw className="size-4" aria-hidden /> Full resync
      </Button>
      <Button disabled={pending} onClick={() => start("INCREMENTAL")}>
        <RefreshCw className="size-4" aria-hidden /> Sync now
      </Button>
    </>
  );
}
