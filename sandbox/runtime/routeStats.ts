// Requests per provider route ("GET /v2/query/client/:clientId"), and, when asked for, how
// often each record was read through a detail route. Tests use them to prove that a sync
// reads every record once and that a resumed sync does not read again what it committed.

export interface ReadRoute {
  provider: string;
  method: string;
  pattern: string;
}

const key = (provider: string, route: string): string => `${provider} ${route}`;

export class RouteStats {
  private readonly counts = new Map<string, number>();
  /** By "provider METHOD pattern", then by record id. Only filled while tracking is on. */
  private readonly reads = new Map<string, Map<string, number>>();
  private readonly readRoutes: ReadRoute[] = [];

  constructor(readonly trackReads: boolean) {}

  /** `route` is "METHOD pattern"; unmatched paths count under "METHOD (no route)". */
  count(provider: string, route: string): void {
    const k = key(provider, route);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  registerReadRoute(r: ReadRoute): void {
    this.readRoutes.push(r);
  }

  read(provider: string, method: string, pattern: string, id: string): void {
    if (!this.trackReads) return;
    const k = key(provider, `${method} ${pattern}`);
    let ids = this.reads.get(k);
    if (!ids) this.reads.set(k, (ids = new Map()));
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }

  /** Accepts "METHOD pattern", "provider METHOD pattern" or a bare pattern (GET). */
  findReadRoute(query: string): ReadRoute | undefined {
    const q = query.trim().replace(/\s+/g, " ");
    return this.readRoutes.find((r) => [r.pattern, `${r.method} ${r.pattern}`, `${r.provider} ${r.method} ${r.pattern}`].includes(q));
  }

  readsOf(r: ReadRoute): Record<string, number> {
    return Object.fromEntries(this.reads.get(key(r.provider, `${r.method} ${r.pattern}`)) ?? []);
  }

  listReadRoutes(): string[] {
    return this.readRoutes.map((r) => `${r.provider} ${r.method} ${r.pattern}`);
  }

  /** `{ trulioo: { "GET /v2/query/clients": 3 } }`, routes sorted. */
  snapshot(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [k, n] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      const sp = k.indexOf(" ");
      (out[k.slice(0, sp)] ??= {})[k.slice(sp + 1)] = n;
    }
    return out;
  }

  readSummary(): Record<string, unknown> {
    const routes: Record<string, { ids: number; reads: number }> = {};
    for (const [k, ids] of this.reads) {
      let reads = 0;
      for (const n of ids.values()) reads += n;
      routes[k] = { ids: ids.size, reads };
    }
    return { tracking: this.trackReads, routes };
  }

  clear(): void {
    this.counts.clear();
    this.reads.clear();
  }
}
