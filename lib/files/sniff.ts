/** The types we serve, known by their first bytes: never by what upstream or a file name claims. */
const SIGNATURES: { type: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  { type: "image/png", ext: "png", test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: "image/jpeg", ext: "jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "application/pdf", ext: "pdf", test: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d },
  { type: "image/gif", ext: "gif", test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { type: "image/webp", ext: "webp", test: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP" },
  { type: "image/tiff", ext: "tiff", test: (b) => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a) },
  { type: "image/heic", ext: "heic", test: (b) => ascii(b, 4, 8) === "ftyp" && /^(heic|heix|mif1|msf1)$/.test(ascii(b, 8, 12)) },
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

export const SNIFF_BYTES = 16;

/** The content type the bytes prove, or octet-stream: a browser then downloads it and renders nothing. */
export function sniffContentType(head: Uint8Array): { type: string; ext: string; inlineSafe: boolean } {
  const match = SIGNATURES.find((s) => s.test(head));
  return match ? { type: match.type, ext: match.ext, inlineSafe: true } : { type: "application/octet-stream", ext: "bin", inlineSafe: false };
}

/**
 * A Content-Disposition that no name can break: an ASCII fallback without quotes, slashes or control
 * characters, the real name as RFC 5987 UTF-8, and the extension the bytes proved.
 */
export function contentDisposition(kind: "inline" | "attachment", name: string | null, ext: string): string {
  const base = (name ?? "file").normalize("NFC").replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/[\u0000-\u001f\u007f"\\/:*?<>|;]+/g, "_").trim().slice(0, 120) || "file";
  const full = `${base}.${ext}`;
  const fallback = full.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/[%]/g, "_") || `file.${ext}`;
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(full)}`;
}
