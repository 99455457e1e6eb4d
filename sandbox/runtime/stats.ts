// Flat counters, grouped by their first dotted segment in the snapshot.
export class Stats {
  private readonly counters = new Map<string, number>();
  readonly startedAt = Date.now();

  inc(key: string, by = 1): void {
    this.counters.set(key, (this.counters.get(key) ?? 0) + by);
  }

  get(key: string): number {
    return this.counters.get(key) ?? 0;
  }

  snapshot(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [key, value] of [...this.counters].sort(([a], [b]) => a.localeCompare(b))) {
      const dot = key.indexOf(".");
      const group = dot < 0 ? "misc" : key.slice(0, dot);
      const name = dot < 0 ? key : key.slice(dot + 1);
      (out[group] ??= {})[name] = value;
    }
    return out;
  }

  clear(): void {
    this.counters.clear();
  }
}
