import type { TByteStream } from "@/lib/providers/http";
import { contentDisposition, SNIFF_BYTES, sniffContentType } from "./sniff";

// A sandbox stops anything in the answer from running; browsers refuse to show a PDF in one, so a PDF
// (whose viewer is the browser's own) gets the framing rule alone.
function policyFor(type: string): string {
  if (type === "application/pdf") return "frame-ancestors 'self'";
  if (type.startsWith("image/")) return "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
  return "default-src 'none'; frame-ancestors 'none'; sandbox";
}

/**
 * A download as an HTTP answer: the first bytes are read to learn the type (served as what they are,
 * never as what upstream claims), then everything streams through. Inline only for types a browser
 * renders without running anything; the answer may not be sniffed, framed by others, cached, or run
 * scripts (its own CSP), whatever it contains.
 */
export async function streamedFileResponse(download: TByteStream, options: { name: string | null; inline: boolean }): Promise<Response> {
  const reader = download.body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES && !done) {
    const next = await reader.read();
    done = next.done;
    if (next.value) {
      head.push(next.value);
      size += next.value.byteLength;
    }
  }
  const first = Buffer.concat(head);
  const { type, ext, inlineSafe } = sniffContentType(first);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.byteLength) controller.enqueue(new Uint8Array(first));
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const headers = new Headers({
    "Content-Type": type,
    "Content-Disposition": contentDisposition(options.inline && inlineSafe ? "inline" : "attachment", options.name, ext),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": policyFor(type),
    // Our own pages may frame a file (a PDF preview); nobody else may.
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (download.contentLength !== null) headers.set("Content-Length", String(download.contentLength));
  return new Response(body, { status: 200, headers });
}
