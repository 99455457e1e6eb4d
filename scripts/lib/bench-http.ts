import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** Signs in through next-auth's credentials callback, as the login form does; returns the cookie header. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return header();
}

/** Time to the whole HTML of one page, server rendering included. */
export async function timeGet(url: string, cookie: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return performance.now() - start;
}

/** First-load JS of a route, gzip: the build's own list of the chunks the route loads first. */
export function firstLoadJs(route: string): { raw: number; gzip: number } | null {
  const file = ".next/diagnostics/route-bundle-stats.json";
  if (!existsSync(file)) return null;
  const stats = JSON.parse(readFileSync(file, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) return null;
  let raw = 0;
  let gzip = 0;
  for (const chunk of entry.firstLoadChunkPaths) {
    const bytes = readFileSync(chunk);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
