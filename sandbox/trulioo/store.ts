// Trulioo end clients: generated base records plus an overlay of changed or created
// records keyed by client id. Untouched records are never stored.
import { clientId, clientIndex, type DataContext } from "../data/context";
import { generateProfile, skeleton } from "../data/profiles";
import type { ProfileRecord, Status } from "../data/truliooTypes";
import { arraySet, compareKeys, insertSorted, mergePage, rangeSet, type IndexSet } from "./listQuery";

export interface ClientQuery {
  test: boolean;
  /** undefined = every status; an empty set matches nothing. */
  statuses?: ReadonlySet<Status>;
  flowId?: string;
  /** Exclusive bounds on lastModified, in ms. */
  after?: number;
  before?: number;
  offset: number;
  limit: number;
}

const FILTER_CACHE_SIZE = 16;

export class ProfileStore {
  private readonly overlay = new Map<string, ProfileRecord>();
  /** Sorted base indices present in the overlay. */
  private readonly overlaid: number[] = [];
  private readonly filterCache = new Map<string, Int32Array>();
  private extras = 0;

  constructor(
    readonly data: DataContext,
    private readonly now: () => number,
  ) {}

  /** A modification time for writes: never before the generated data. */
  nextTime(): number {
    return Math.max(this.now(), this.data.dataEnd + 1);
  }

  get(id: string, test: boolean): ProfileRecord | undefined {
    const o = this.overlay.get(id);
    if (o) return o.test === test ? o : undefined;
    if (test) return undefined;
    const index = clientIndex(this.data, id);
    return index === undefined ? undefined : generateProfile(this.data, index);
  }

  /** The record to mutate; a generated record is copied into the overlay first. */
  edit(id: string, test: boolean): ProfileRecord | undefined {
    const existing = this.overlay.get(id);
    if (existing) return existing.test === test ? existing : undefined;
    const rec = this.get(id, test);
    if (!rec) return undefined;
    this.overlay.set(id, rec);
    if (rec.index !== null && rec.index < this.data.profiles) insertSorted(this.overlaid, rec.index);
    return rec;
  }

  touch(rec: ProfileRecord): void {
    rec.lastModified = this.nextTime();
  }

  add(rec: ProfileRecord): void {
    this.overlay.set(rec.id, rec);
  }

  /** A new live profile past the base range (the "grow" paging-drift fault). */
  grow(): ProfileRecord {
    const index = this.data.profiles + this.extras++;
    const rec = generateProfile(this.data, index, { lastModified: this.nextTime() });
    this.add(rec);
    return rec;
  }

  /** Moves an existing live profile to the end of the order (the "shift" paging-drift fault). */
  shiftFirst(): ProfileRecord | undefined {
    if (this.data.profiles === 0) return this.grow();
    const rec = this.edit(clientId(this.data, 0), false);
    if (rec) this.touch(rec);
    return rec;
  }

  get overlaySize(): number {
    return this.overlay.size;
  }

  list(q: ClientQuery): { total: number; items: ProfileRecord[] } {
    const flowKnown = q.flowId === undefined || this.data.workflows.some((w) => w.id === q.flowId);
    const nothing = !flowKnown || (q.statuses !== undefined && q.statuses.size === 0);
    const matches = (r: ProfileRecord): boolean =>
      r.test === q.test &&
      (q.statuses === undefined || q.statuses.has(r.status)) &&
      (q.flowId === undefined || r.flowData[q.flowId] !== undefined) &&
      (q.after === undefined || r.lastModified > q.after) &&
      (q.before === undefined || r.lastModified < q.before);
    const extra = nothing ? [] : [...this.overlay.values()].filter(matches).sort((a, b) => compareKeys({ t: a.lastModified, id: a.id }, { t: b.lastModified, id: b.id }));
    const useBase = !q.test && !nothing;
    const set = useBase ? this.baseSet(q.statuses, q.flowId) : rangeSet(0);
    const tl = this.data.profileTimeline;
    const lo = useBase && q.after !== undefined ? tl.firstAfter(q.after) : 0;
    const hi = !useBase ? 0 : q.before !== undefined ? tl.firstAtOrAfter(q.before) : this.data.profiles;
    const page = mergePage({
      set, lo, hi: Math.max(lo, hi), overlaid: this.overlaid,
      timeOfIndex: (i) => tl.at(i),
      idOfIndex: (i) => clientId(this.data, i),
      extra, keyOfExtra: (r) => ({ t: r.lastModified, id: r.id }),
      offset: q.offset, limit: q.limit,
    });
    return {
      total: page.total,
      items: page.items.map((it) => ("extra" in it ? it.extra : generateProfile(this.data, it.base))),
    };
  }

  /** Base indices matching the status/flow filter, computed once from skeletons and cached. */
  private baseSet(statuses: ReadonlySet<Status> | undefined, flowId: string | undefined): IndexSet {
    if (statuses === undefined && flowId === undefined) return rangeSet(this.data.profiles);
    const wf = flowId === undefined ? -1 : this.data.workflows.findIndex((w) => w.id === flowId);
    const key = `${statuses ? [...statuses].sort().join(",") : "*"}|${wf}`;
    let arr = this.filterCache.get(key);
    if (arr) {
      this.filterCache.delete(key);
    } else {
      const buf = new Int32Array(this.data.profiles);
      let n = 0;
      for (let i = 0; i < this.data.profiles; i++) {
        const sk = skeleton(this.data, i);
        if (statuses && !statuses.has(sk.status)) continue;
        if (wf >= 0 && !(sk.flows & (1 << wf))) continue;
        buf[n++] = i;
      }
      arr = buf.slice(0, n);
      if (this.filterCache.size >= FILTER_CACHE_SIZE) {
        const oldest = this.filterCache.keys().next().value;
        if (oldest !== undefined) this.filterCache.delete(oldest);
      }
    }
    this.filterCache.set(key, arr);
    return arraySet(arr);
  }
}
