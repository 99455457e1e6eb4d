// A tiny method + path router with ":param" segments. Routes match in registration
// order, so a literal segment ("search") must be registered before a parameter (":id").
import type { Ctx, Reply } from "./context";
import { providerError } from "./errors";

export type Handler = (ctx: Ctx) => Promise<Reply> | Reply;

export interface RouteMeta {
  /** The path parameter naming the record a detail read returns (per-id read tracking). */
  readId?: string;
}

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
  meta: RouteMeta;
}

export type Match = { handler: Handler; params: Record<string, string>; pattern: string; meta: RouteMeta } | { status: 404 | 405 };

const paramNames = (segments: string[]): string => segments.filter((s) => s.startsWith(":")).sort().join(",");
const normalise = (pattern: string): string => `/${pattern.split("/").filter(Boolean).join("/")}`;

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, meta: RouteMeta = {}): this {
    const segments = pattern.split("/").filter(Boolean);
    this.routes.push({ method, pattern: normalise(pattern), segments, handler, meta });
    return this;
  }

  get(pattern: string, handler: Handler, meta?: RouteMeta): this {
    return this.add("GET", pattern, handler, meta);
  }
  post(pattern: string, handler: Handler): this {
    return this.add("POST", pattern, handler);
  }
  put(pattern: string, handler: Handler): this {
    return this.add("PUT", pattern, handler);
  }
  delete(pattern: string, handler: Handler): this {
    return this.add("DELETE", pattern, handler);
  }

  has(method: string, pattern: string): boolean {
    return this.routes.some((r) => r.method === method && r.pattern === normalise(pattern));
  }

  /** Every route as "METHOD pattern", with its meta (read tracking, docs, tests). */
  list(): Array<{ method: string; pattern: string; meta: RouteMeta }> {
    return this.routes.map(({ method, pattern, meta }) => ({ method, pattern, meta }));
  }

  /**
   * Serves a route only at a new pattern with the same parameters (a provider that moved an endpoint).
   * The old pattern stays registered in the same place as a 404, so it cannot fall through to a
   * broader route (".../search" into ".../:id") and answer something else.
   */
  move(method: string, from: string, to: string): void {
    const at = this.routes.findIndex((r) => r.method === method && r.pattern === normalise(from));
    const route = this.routes[at];
    if (!route) throw new Error(`no route ${method} ${from}`);
    const segments = to.split("/").filter(Boolean);
    if (!to.startsWith("/")) throw new Error(`the new pattern for ${method} ${from} must start with "/", got "${to}"`);
    if (paramNames(segments) !== paramNames(route.segments)) {
      throw new Error(`the new pattern "${to}" must have the same parameters as "${from}" (${paramNames(route.segments) || "none"})`);
    }
    const gone: Route = {
      method, pattern: route.pattern, segments: route.segments, meta: {},
      handler: (ctx) => {
        throw providerError(ctx.provider, 404, `No such endpoint: ${ctx.method} ${ctx.path}`, ctx.path);
      },
    };
    this.routes.splice(at, 1, gone, { ...route, pattern: normalise(to), segments });
  }

  match(method: string, path: string): Match {
    const parts = path.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (method === "HEAD" && route.method === "GET")) return { handler: route.handler, params, pattern: route.pattern, meta: route.meta };
    }
    return { status: pathMatched ? 405 : 404 };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? "";
    const v = parts[i] ?? "";
    if (p.startsWith(":")) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return undefined;
      }
    } else if (p !== v) {
      return undefined;
    }
  }
  return params;
}
