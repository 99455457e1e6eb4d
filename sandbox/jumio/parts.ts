// The image bytes behind a credential part (J6), shared by J6 and its storage URL.
import { idCardPng, jpegWithComment } from "../data/files";
import type { Credential, ExecutionRecord } from "../data/jumio";
import { streamSeed } from "../data/prng";
import { raw, type Ctx, type Reply } from "../http/context";

/** `credentialId` as the caller spelled it: the generated image is seeded from it. */
export function partBytes(ctx: Ctx, rec: ExecutionRecord, cred: Credential, credentialId: string, classifier: string): Reply {
  const seed = streamSeed(ctx.state.cfg.seed, 31, credentialId.charCodeAt(0) * 7919 + credentialId.charCodeAt(9) + classifier.length);
  if (classifier === "FACE") return raw(jpegWithComment(`Selfie of ${rec.person.fullName} - credential ${cred.id}`), "image/jpeg");
  return raw(idCardPng(seed, classifier === "BACK" ? "back" : "front"), "image/png");
}
