const PROBE = "http://compliance-desk.invalid";
const MAX_DECODES = 4;

// A path a browser or a router could read as another host: `//host`, `/\host`, or either after the
// slashes and backslashes are decoded from %2F / %5C (in any number of layers).
function looksLikeAnotherHost(path: string): boolean {
  let current = path;
  for (let i = 0; i < MAX_DECODES; i += 1) {
    if (/^[/\\]{2}/.test(current) || /^\/\\/.test(current)) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return true;
    }
    if (decoded === current) return false;
    current = decoded;
  }
  return true;
}

/**
 * A same-origin path, resolved the way a browser would (dot segments removed, tabs and newlines
 * refused), or null. The resolved path must not begin with `//` or `/\` in any encoding, so no later
 * step (a router, `location.assign`, a Location header) can turn it into another site.
 */
export function safeSamePath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PROBE);
  } catch {
    return null;
  }
  if (url.origin !== PROBE || looksLikeAnotherHost(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Only same-site paths are accepted as return URLs after sign-in, so a crafted link cannot send people elsewhere. */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  const path = safeSamePath(value);
  if (!path || path.startsWith("/login")) return fallback;
  return path;
}
