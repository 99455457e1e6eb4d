// Generated file keys are base64 (as Trulioo's are) and self-describing: they encode which
// profile, workflow, element and file they belong to, plus a seeded tag, so E4 can rebuild
// the file from the key alone and reject keys that were never issued.
import { D, rngFor } from "./prng";

export interface BaseFileRef {
  clientIndex: number;
  wfIndex: number;
  elementSlot: number;
  fileNo: number;
}

function tag(seed: number, ref: BaseFileRef): Buffer {
  const mixed = ref.clientIndex * 65536 + ref.wfIndex * 4096 + ref.elementSlot * 16 + ref.fileNo;
  return rngFor(seed, D.fileKey, mixed).bytes(8);
}

/** Bytes 1-7 are masked with the tag so keys look opaque; byte 0 stays a version marker. */
function mask(b: Buffer): void {
  for (let i = 1; i < 8; i++) b[i] = (b[i] ?? 0) ^ (b[8 + i] ?? 0) ^ (b[15 - i] ?? 0);
}

export function baseFileKey(seed: number, ref: BaseFileRef): string {
  const b = Buffer.alloc(16);
  b[0] = 1;
  b.writeUInt32BE(ref.clientIndex, 1);
  b[5] = ref.wfIndex;
  b[6] = ref.elementSlot;
  b[7] = ref.fileNo;
  tag(seed, ref).copy(b, 8);
  mask(b);
  return b.toString("base64");
}

export function decodeBaseFileKey(seed: number, key: string): BaseFileRef | undefined {
  if (!/^[A-Za-z0-9+/]{22}==$/.test(key)) return undefined;
  const b = Buffer.from(key, "base64");
  if (b.length !== 16 || b[0] !== 1) return undefined;
  mask(b);
  const ref = { clientIndex: b.readUInt32BE(1), wfIndex: b[5] ?? 0, elementSlot: b[6] ?? 0, fileNo: b[7] ?? 0 };
  return tag(seed, ref).equals(b.subarray(8)) ? ref : undefined;
}
