import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of the exact raw body, hex; compared in constant time, hex case ignored (contract §1.4). */
export function verifyHmacHex(rawBody: Uint8Array | string, secret: string, header: string | null): boolean {
  if (!header) return false;
  const given = header.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}

export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
