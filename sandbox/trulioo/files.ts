// The bytes behind an E4 file key, shared by E4 and the storage URL it redirects to in quirks mode.
import { clientId } from "../data/context";
import { decodeBaseFileKey } from "../data/fileKeys";
import { raw, type Ctx, type Reply } from "../http/context";
import { contentDisposition, generatedFileBytes } from "./render";

/** The bytes behind a file key (an F4 upload or a generated file), or undefined. */
export function fileReply(ctx: Ctx, key: string): Reply | undefined {
  const upload = ctx.state.trulioo.uploads.get(key);
  if (upload) {
    return raw(upload.bytes, upload.mime, 200, { "content-disposition": contentDisposition(upload.filename) });
  }
  const ref = decodeBaseFileKey(ctx.state.cfg.seed, key);
  const rec = ref ? ctx.state.trulioo.store.get(clientId(ctx.state.data, ref.clientIndex), false) : undefined;
  const meta = rec?.files[key];
  if (!rec || !meta) return undefined;
  return raw(generatedFileBytes(rec, key, meta), meta.mime, 200, { "content-disposition": contentDisposition(meta.filename) });
}
