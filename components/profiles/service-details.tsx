"use client";

import { useState } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import { JsonViewer } from "@/components/json-viewer/json-viewer";

type TState = { state: "closed" | "loading" } | { state: "open"; value: unknown } | { state: "error"; message: string };

/** A service's fullServiceDetails, fetched the first time they are opened (they can be hundreds of KB). */
export function ServiceDetails({ href, label }: { href: string; label: string }) {
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState<TState>({ state: "closed" });

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (!next || details.state === "open" || details.state === "loading") return;
    setDetails({ state: "loading" });
    try {
      const res = await fetch(href);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setDetails({ state: "error", message: body?.error?.message ?? `The details could not be loaded (HTTP ${res.status}).` });
        return;
      }
      setDetails({ state: "open", value: await res.json() });
    } catch {
      setDetails({ state: "error", message: "The details could not be loaded. Check the connection and try again." });
    }
  }

  return (
    <div className="mt-2">
      <button type="button" onClick={toggle} aria-expanded={open} className="inline-flex items-center gap-1 text-xs font-medium text-primary hover:underline">
        {open ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}
        Full service details
      </button>
      {open ? (
        <div className="mt-2">
          {details.state === "loading" ? <p className="text-xs text-muted-foreground">Loading…</p> : null}
          {details.state === "error" ? <p role="alert" className="text-xs text-destructive">{details.message}</p> : null}
          {details.state === "open" ? (
            details.value === null ? (
              <p className="text-xs text-muted-foreground">Trulioo sent no full details for this result.</p>
            ) : (
              <JsonViewer value={details.value} label={label} />
            )
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
