"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { refreshProfileAction } from "@/lib/profiles/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Re-reads this one client from Trulioo through the sync, then shows what came of it. */
export function RefreshButton({ profileId }: { profileId: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string }>();
  const router = useRouter();

  function refresh() {
    setMessage(undefined);
    startTransition(async () => {
      const result = await refreshProfileAction({ profileId });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error.message });
        toast.error(result.error.message);
        return;
      }
      const text = result.data.result === "updated" ? "Refreshed: Trulioo had changes, the copy now shows them." : "Refreshed: the copy already matched Trulioo.";
      setMessage({ tone: "ok", text });
      toast.success(text);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="outline" size="sm" onClick={refresh} disabled={pending} data-testid="refresh-profile">
        <RefreshCw className={pending ? "animate-spin" : undefined} />
        {pending ? "Reading Trulioo…" : "Refresh from Trulioo"}
      </Button>
      {message ? (
        <p role="status" className={message.tone === "error" ? "max-w-80 text-right text-xs text-destructive" : "max-w-80 text-right text-xs text-muted-foreground"} data-testid="refresh-result">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
