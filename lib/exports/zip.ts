import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

/** One ZIP entry: a file on disk (streamed) or bytes in memory (the index). */
export type TZipEntry = { name: string; mtime?: Date } & ({ path: string } | { data: Uint8Array });

// fflate writes classic ZIP (no ZIP64): sizes and offsets are 32-bit. Checked before writing, so a
// selection too large for one archive fails with words instead of producing a corrupt file.
export const ZIP_MAX_BYTES = 0xffff_ffff - 64 * 1024 * 1024;

/**
 * Streams entries into a ZIP at `target`: written to `target.partial` and renamed when complete, so a
 * crash never leaves a truncated archive under the final name. PDFs are stored as they are (already
 * compressed); anything else is deflated. Memory stays at one read chunk plus the write buffer.
 */
export async function writeZip(target: string, entries: TZipEntry[]): Promise<{ bytes: number }> {
  const partial = `${target}.partial`;
  const out = createWriteStream(partial);
  let failure: Error | null = null;
  let waiting: Promise<unknown> | null = null;
  let ended = false;
  const finished = new Promise<void>((resolve) => {
    out.once("finish", () => resolve());
  });
  out.on("error", (error) => {
    failure ??= error;
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) failure ??= error;
    // An ended stream never emits "drain" (the central directory is the last write, often past the
    // 16 KB buffer): "finish" ends that wait instead.
    else if (chunk.byteLength && !out.write(chunk)) waiting ??= Promise.race([once(out, "drain"), finished]).finally(() => (waiting = null));
    if (final && !ended) {
      ended = true;
      out.end();
    }
  });
  // Backpressure: fflate pushes synchronously; the caller waits for the file to drain between chunks.
  const settle = async () => {
    if (waiting) await waiting;
    if (failure) throw failure;
  };
  try {
    for (const entry of entries) {
      const file = /\.pdf$/i.test(entry.name) ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 6 });
      file.mtime = entry.mtime ?? new Date();
      zip.add(file);
      if ("data" in entry) {
        file.push(entry.data, true);
      } else {
        let last: Uint8Array | null = null;
        for await (const chunk of createReadStream(entry.path, { highWaterMark: 256 * 1024 })) {
          // Pushing one chunk behind lets the final chunk carry the "final" flag without a stat.
          if (last) file.push(last);
          last = new Uint8Array(chunk as Buffer);
          await settle();
        }
        file.push(last ?? new Uint8Array(0), true);
      }
      await settle();
    }
    zip.end();
    await settle();
    await finished;
    if (failure) throw failure;
    await rename(partial, target);
    return { bytes: (await stat(target)).size };
  } catch (error) {
    zip.terminate();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
