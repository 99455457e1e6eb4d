// Files uploaded through F4, kept in memory and served by E4. A cap on total bytes keeps a
// long benchmark from exhausting memory; past it uploads are refused with 4008.
import { randomBytes } from "node:crypto";

export interface Upload {
  key: string;
  bytes: Buffer;
  mime: string;
  filename: string;
  clientId: string;
  test: boolean;
}

export class UploadStore {
  private readonly files = new Map<string, Upload>();
  private total = 0;

  constructor(private readonly capBytes: number) {}

  add(u: Omit<Upload, "key">): Upload | undefined {
    if (this.total + u.bytes.length > this.capBytes) return undefined;
    const raw = randomBytes(16);
    raw[0] = 2; // generated keys start with 1 (see data/fileKeys.ts)
    const upload = { ...u, key: raw.toString("base64") };
    this.files.set(upload.key, upload);
    this.total += u.bytes.length;
    return upload;
  }

  get(key: string): Upload | undefined {
    return this.files.get(key);
  }

  get size(): number {
    return this.files.size;
  }
}
