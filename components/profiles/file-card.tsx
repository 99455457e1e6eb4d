"use client";

import { useEffect, useState } from "react";
import { FileText } from "lucide-react";
import type { TProfileFileRef } from "@/lib/files/queries";
import { Button } from "@/components/ui/button";

type TPreview = { state: "idle" } | { state: "loading" } | { state: "shown"; url: string; type: string } | { state: "error"; message: string };

/**
 * One Trulioo file. The preview is fetched when asked for, not with the page: every fetch is a
 * download of personal data and an audit event, so nobody's file is taken just by opening a case.
 * Its bytes' own type (from the server's sniffing) decides how it shows.
 */
export function FileCard({ file }: { file: TProfileFileRef }) {
  const [preview, setPreview] = useState<TPreview>({ state: "idle" });
  useEffect(() => () => {
    if (preview.state === "shown") URL.revokeObjectURL(preview.url);
  }, [preview]);

  async function show() {
    setPreview({ state: "loading" });
    try {
      const res = await fetch(`${file.href}&inline=1`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setPreview({ state: "error", message: body?.error?.message ?? `The file could not be loaded (HTTP ${res.status}).` });
        return;
      }
      const type = res.headers.get("content-type") ?? "application/octet-stream";
      setPreview({ state: "shown", url: URL.createObjectURL(await res.blob()), type });
    } catch {
      setPreview({ state: "error", message: "The file could not be loaded. Check the connection and try again." });
    }
  }

  return (
    <li className="overflow-hidden rounded-lg border border-border bg-card text-sm" data-testid="file-card">
      <div className="flex items-start justify-between gap-3 px-3 py-2">
        <span className="flex min-w-0 items-start gap-2">
          <FileText className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <span className="min-w-0">
            <span className="block truncate font-medium">{file.label}</span>
            <span className="block text-xs text-muted-foreground">
              {file.enhanced ? "enhanced" : "as uploaded"}
              {file.position > 0 ? ` · #${file.position + 1}` : ""}
            </span>
          </span>
        </span>
        <span className="flex shrink-0 items-center gap-2">
          {preview.state === "shown" ? (
            <Button type="button" size="sm" variant="ghost" onClick={() => setPreview({ state: "idle" })}>Hide</Button>
          ) : (
            <Button type="button" size="sm" variant="outline" onClick={show} disabled={preview.state === "loading"}>
              {preview.state === "loading" ? "Loading…" : "Preview"}
            </Button>
          )}
          <a href={file.href} download className="text-primary hover:underline">
            Download
          </a>
        </span>
      </div>
      {preview.state === "error" ? <p role="alert" className="border-t border-border px-3 py-2 text-xs text-destructive">{preview.message}</p> : null}
      {preview.state === "shown" ? (
        <div className="border-t border-border bg-muted/40">
          {preview.type.startsWith("image/") ? (
            // eslint-disable-next-line @next/next/no-img-element -- a blob of an authorised download, never optimised
            <img src={preview.url} alt={file.label} className="max-h-96 w-full object-contain" data-testid="file-preview" />
          ) : preview.type === "application/pdf" ? (
            <iframe src={preview.url} title={file.label} className="h-96 w-full" data-testid="file-preview" />
          ) : (
            <p className="px-3 py-2 text-xs text-muted-foreground">This file ({preview.type}) has no preview; download it to open it.</p>
          )}
        </div>
      ) : null}
    </li>
  );
}
