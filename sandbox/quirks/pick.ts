// Which records come in a quirky representation. The choice is a hash of the seed and the
// record's id (itself a function of seed and index), so a dataset always holds both forms,
// the same record is quirky on every read, and two sandboxes with one seed agree on it.
import { mix32 } from "../data/prng";

/** About half the records of each kind. */
export const QUIRK_SHARE = 0.5;

function hashString(seed: number, text: string): number {
  let h = mix32((seed ^ 0x5bd1e995) >>> 0);
  for (let i = 0; i < text.length; i++) h = mix32(h ^ Math.imul(text.charCodeAt(i) + 1, 0x9e3779b1));
  return h >>> 0;
}

export class Quirks {
  constructor(
    readonly on: boolean,
    private readonly seed: number,
  ) {}

  /** True when quirks mode is on and this record of this kind is one of the quirky ones. */
  pick(kind: string, key: string): boolean {
    return this.on && hashString(this.seed, `${kind}|${key.toLowerCase()}`) / 4294967296 < QUIRK_SHARE;
  }

  /** A sub-variant 0..n-1 of a quirky record, independent of pick(). */
  variant(kind: string, key: string, n: number): number {
    return hashString(this.seed ^ 0x1b873593, `${kind}|${key.toLowerCase()}`) % n;
  }
}
