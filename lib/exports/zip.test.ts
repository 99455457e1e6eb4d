import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeZip } from "./zip";

describe("writeZip", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "cd-zip-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("streams files of several read chunks and bytes in memory into a ZIP that unzips to the same bytes", async () => {
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const empty = path.join(dir, "empty.pdf");
    await writeFile(path.join(dir, "big.pdf"), big);
    await writeFile(empty, "");
    const target = path.join(dir, "out.zip");
    const { bytes } = await writeZip(target, [
      { name: "index.csv", data: new TextEncoder().encode("a,b\r\nZoë,1\r\n") },
      { name: "pdfs/big.pdf", path: path.join(dir, "big.pdf") },
      { name: "pdfs/empty.pdf", path: empty },
    ]);
    const zipped = await readFile(target);
    expect(bytes).toBe(zipped.byteLength);
    const files = unzipSync(zipped);
    expect(strFromU8(files["index.csv"]!)).toBe("a,b\r\nZoë,1\r\n");
    expect(Buffer.from(files["pdfs/big.pdf"]!).equals(big)).toBe(true);
    expect(files["pdfs/empty.pdf"]).toHaveLength(0);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it("finishes when the central directory alone fills the write buffer (a ZIP of hundreds of PDFs)", async () => {
    // 400 entries: a central directory of ~35 KB, past the file stream's 16 KB buffer, written as the
    // very last chunk, after which the stream ends and never emits "drain".
    const pdf = path.join(dir, "small.pdf");
    await writeFile(pdf, "%PDF-1.4 small");
    const entries = Array.from({ length: 400 }, (_, i) => ({ name: `pdfs/jumio-${String(i).padStart(36, "0")}.pdf`, path: pdf }));
    const target = path.join(dir, "many.zip");
    const { bytes } = await writeZip(target, entries);
    const files = unzipSync(await readFile(target));
    expect(Object.keys(files)).toHaveLength(400);
    expect(bytes).toBeGreaterThan(35_000);
    expect(existsSync(`${target}.partial`)).toBe(false);
  }, 10_000);

  it("leaves nothing behind when a file cannot be read", async () => {
    const target = path.join(dir, "broken.zip");
    await expect(writeZip(target, [{ name: "x.pdf", path: path.join(dir, "missing.pdf") }])).rejects.toThrow(/ENOENT/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });
});
