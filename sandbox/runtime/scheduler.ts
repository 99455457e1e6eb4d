// All background timers (deliveries, retries, pending services, lifecycle steps) go
// through here so reset() and close() can cancel every one of them.
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  after(ms: number, fn: () => void | Promise<void>): () => void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      Promise.resolve()
        .then(fn)
        .catch((e: unknown) => console.error("[sandbox] background task failed:", e));
    }, Math.max(0, ms));
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  cancelAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  get size(): number {
    return this.timers.size;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
