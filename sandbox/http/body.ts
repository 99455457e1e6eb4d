// Request body parsing that never throws on malformed input: every failure comes back
// as a value the handler turns into the provider's 4xx.
import type { IncomingMessage } from "node:http";

export class BodyTooLarge extends Error {}

/** Reads the whole body; past `limit` bytes it stops buffering, drains the rest and rejects. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () => (tooLarge ? reject(new BodyTooLarge(`body larger than ${limit} bytes`)) : resolve(Buffer.concat(chunks))));
    req.on("error", (err) => reject(err));
  });
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(buf: Buffer): JsonResult {
  const text = buf.toString("utf8").trim();
  if (text === "") return { ok: false, error: "empty body" };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : "invalid JSON" };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Minimal multipart/form-data parser; undefined when the body is not well formed. */
export function parseMultipart(buf: Buffer, contentType: string | undefined): MultipartPart[] | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary || !/multipart\/form-data/i.test(contentType ?? "")) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = buf.indexOf(delimiter);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    if (buf.subarray(pos, pos + 2).toString() === "--") break;
    if (buf.subarray(pos, pos + 2).toString() === "\r\n") pos += 2;
    const headerEnd = buf.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) return undefined;
    const next = buf.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return undefined;
    const headers = buf.subarray(pos, headerEnd).toString("utf8");
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
    // The part data ends with the CRLF that precedes the next delimiter.
    const data = buf.subarray(headerEnd + 4, next - 2 >= headerEnd + 4 ? next - 2 : next);
    if (name !== undefined) parts.push({ name, filename, contentType: type, data: Buffer.from(data) });
    pos = next;
  }
  return parts;
}
