const PROBE = "http://compliance-desk.invalid";

/**
 * Only same-site paths are accepted as return URLs, so a crafted link cannot send people elsewhere.
 * The value is resolved the way a browser would (which drops tabs and newlines) and must stay on our origin.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE || url.pathname.startsWith("/login")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
