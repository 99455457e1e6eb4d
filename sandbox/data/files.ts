// Real file bytes: PNG drawn pixel by pixel and deflated with node:zlib, a small
// baseline JPEG (embedded, with a per-record comment segment so bytes differ per
// record), and a minimal single-page PDF with correct xref offsets.
import { deflateSync } from "node:zlib";
import { toAscii } from "./names";
import { mulberry32 } from "./prng";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter type: none
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A stylised ID card: coloured band, photo box with a face, text bars; the back has an MRZ-like block. */
export function idCardPng(seed: number, side: "front" | "back"): Buffer {
  const w = 240;
  const h = 150;
  const rand = mulberry32(seed);
  const px = new Uint8Array(w * h * 3);
  const base = [170 + Math.floor(rand() * 70), 170 + Math.floor(rand() * 70), 170 + Math.floor(rand() * 70)];
  const band = [Math.floor(rand() * 120), Math.floor(rand() * 120), 60 + Math.floor(rand() * 120)];
  const set = (x: number, y: number, c: number[]): void => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    const i = (y * w + x) * 3;
    px[i] = c[0] ?? 0;
    px[i + 1] = c[1] ?? 0;
    px[i + 2] = c[2] ?? 0;
  };
  const rect = (x0: number, y0: number, rw: number, rh: number, c: number[]): void => {
    for (let y = y0; y < y0 + rh; y++) for (let x = x0; x < x0 + rw; x++) set(x, y, c);
  };
  rect(0, 0, w, h, base);
  rect(0, 0, w, 22, band);
  const ink = [30, 30, 40];
  if (side === "front") {
    rect(12, 32, 62, 80, [205, 210, 215]);
    for (let y = 0; y < 80; y++) {
      for (let x = 0; x < 62; x++) {
        const head = (x - 31) ** 2 + (y - 30) ** 2 < 15 ** 2;
        const shoulders = y > 55 && (x - 31) ** 2 / 900 + (y - 80) ** 2 / 500 < 1;
        if (head || shoulders) set(12 + x, 32 + y, [110, 90, 80]);
      }
    }
    for (let line = 0; line < 6; line++) rect(90, 36 + line * 14, 40 + Math.floor(rand() * 100), 6, ink);
  } else {
    for (let x = 12; x < w - 12; x += 2) if (rand() > 0.4) rect(x, 30, 1 + Math.floor(rand() * 2), 40, ink);
    for (let line = 0; line < 3; line++) {
      for (let c = 0; c < 30; c++) if (rand() > 0.2) rect(12 + c * 7, 92 + line * 16, 5, 8, ink);
    }
  }
  return encodePng(w, h, px);
}

const JPEG_16x16 = Buffer.from(
  "/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z",
  "base64",
);
/** End of SOI (2 bytes) + APP0 JFIF segment (2 + 16 bytes). */
const AFTER_APP0 = 20;

/** A valid baseline JPEG carrying `comment` in a COM segment. */
export function jpegWithComment(comment: string): Buffer {
  const text = Buffer.from(toAscii(comment).slice(0, 1000), "latin1");
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xfffe, 0);
  seg.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([JPEG_16x16.subarray(0, AFTER_APP0), seg, text, JPEG_16x16.subarray(AFTER_APP0)]);
}

function pdfText(text: string): string {
  return `(${toAscii(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function utf16Hex(text: string): string {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i] ?? 0;
    le[i] = le[i + 1] ?? 0;
    le[i + 1] = a;
  }
  return `<FEFF${le.toString("hex").toUpperCase()}>`;
}

/** A one-page PDF. Page text is ASCII-folded (standard fonts); the exact Unicode title is in /Title. */
export function pdfDocument(title: string, lines: string[], createdMs: number): Buffer {
  const body = [`BT /F1 18 Tf 50 790 Td ${pdfText(title)} Tj ET`];
  lines.forEach((line, i) => body.push(`BT /F1 11 Tf 50 ${750 - i * 18} Td ${pdfText(line)} Tj ET`));
  const stream = body.join("\n");
  const d = new Date(createdMs).toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    `<< /Title ${utf16Hex(title)} /Producer (Compliance Desk provider sandbox) /CreationDate (D:${d}Z) >>`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

export function sniffMime(bytes: Buffer): "image/png" | "image/jpeg" | "application/pdf" | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  return undefined;
}
