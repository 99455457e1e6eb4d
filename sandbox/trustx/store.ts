// TrustX process instances and tokens: generated base records plus overlays. createdAt is
// monotonic in the index, so the default order (createdAt desc) needs no sorting.
import type { DataContext } from "../data/context";
import { buildInstance, buildToken, instanceId, instanceIndex, instanceKey, tokenIndex, type InstanceRecord, type TokenRecord } from "../data/trustx";

export interface SearchFilter {
  text?: string;
  start?: number;
  end?: number;
  definitionName?: string;
  definitionId?: string;
  statuses?: ReadonlySet<string>;
}

type Ref = number | InstanceRecord;

export class TrustxStore {
  private readonly overlay = new Map<string, InstanceRecord>();
  private readonly overlaid = new Set<number>();
  private readonly created: InstanceRecord[] = [];
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly searchCache = new Map<string, Ref[]>();
  private version = 0;
  private extras = 0;

  constructor(readonly data: DataContext) {}

  get(id: string): InstanceRecord | undefined {
    const o = this.overlay.get(id);
    if (o) return o;
    const i = instanceIndex(this.data, id);
    return i === undefined ? undefined : buildInstance(this.data, i);
  }

  edit(id: string): InstanceRecord | undefined {
    const rec = this.get(id);
    if (!rec) return undefined;
    if (!this.overlay.has(id)) {
      this.overlay.set(id, rec);
      if (rec.index !== null) this.overlaid.add(rec.index);
    }
    this.changed();
    return rec;
  }

  changed(): void {
    this.version++;
    this.searchCache.clear();
  }

  token(id: string): TokenRecord | undefined {
    const t = this.tokens.get(id);
    if (t) return t;
    const i = tokenIndex(this.data, id);
    return i === undefined ? undefined : buildToken(this.data, i);
  }

  editToken(id: string): TokenRecord | undefined {
    const t = this.token(id);
    if (t) this.tokens.set(id, t);
    return t;
  }

  addToken(t: TokenRecord): void {
    this.tokens.set(t.id, t);
  }

  addInstance(rec: InstanceRecord): void {
    this.overlay.set(rec.id, rec);
    this.created.push(rec);
    this.changed();
  }

  /** A new instance past the generated range (the paging-drift fault). */
  grow(createdAt: number): InstanceRecord {
    const i = this.data.trustxInstances + this.extras++;
    const rec = { ...buildInstance(this.data, i), index: null, createdAt };
    this.addToken(buildToken(this.data, i));
    this.addInstance(rec);
    return rec;
  }

  get total(): number {
    return this.data.trustxInstances + this.created.length;
  }

  private resolve(ref: Ref): InstanceRecord {
    if (typeof ref !== "number") return this.overlay.get(ref.id) ?? ref;
    return this.overlay.get(instanceId(this.data, ref)) ?? buildInstance(this.data, ref);
  }

  /** Unfiltered page; run-time instances are newer than every generated one. */
  page(offset: number, size: number, desc: boolean): InstanceRecord[] {
    const out: InstanceRecord[] = [];
    const n = this.created.length;
    const base = this.data.trustxInstances;
    for (let p = offset; p < Math.min(this.total, offset + size); p++) {
      if (desc) out.push(p < n ? this.resolve(this.created[n - 1 - p] as InstanceRecord) : this.resolve(base - 1 - (p - n)));
      else out.push(p < base ? this.resolve(p) : this.resolve(this.created[p - base] as InstanceRecord));
    }
    return out;
  }

  search(f: SearchFilter, offset: number, size: number, desc: boolean): { total: number; items: InstanceRecord[] } {
    const key = JSON.stringify([f.text, f.start, f.end, f.definitionName, f.definitionId, f.statuses ? [...f.statuses].sort() : null]);
    let refs = this.searchCache.get(key);
    if (!refs) {
      refs = this.scan(f);
      if (this.searchCache.size > 16) this.searchCache.clear();
      this.searchCache.set(key, refs);
    }
    const total = refs.length;
    const pick = (p: number): Ref | undefined => (desc ? refs?.[total - 1 - p] : refs?.[p]);
    const items: InstanceRecord[] = [];
    for (let p = offset; p < Math.min(total, offset + size); p++) {
      const ref = pick(p);
      if (ref !== undefined) items.push(this.resolve(ref));
    }
    return { total, items };
  }

  /** Matches in ascending createdAt order: base indices (scanned in the date window), then overlay records merged in. */
  private scan(f: SearchFilter): Ref[] {
    const tl = this.data.trustxTimeline;
    const lo = f.start === undefined ? 0 : tl.firstAtOrAfter(f.start);
    const hi = f.end === undefined ? this.data.trustxInstances : tl.firstAtOrAfter(f.end);
    const text = f.text?.toLowerCase();
    const defs = new Map<number, { id: string; name: string }>();
    const base: number[] = [];
    for (let i = lo; i < hi; i++) {
      if (this.overlaid.has(i)) continue;
      const lite = instanceKey(this.data, i);
      if (f.statuses && !f.statuses.has(lite.status)) continue;
      if (f.definitionName || f.definitionId) {
        let def = defs.get(lite.definition);
        if (!def) {
          const b = buildInstance(this.data, i);
          def = { id: b.processDefnId, name: b.processDefnName };
          defs.set(lite.definition, def);
        }
        if (f.definitionName && def.name.toLowerCase() !== f.definitionName.toLowerCase()) continue;
        if (f.definitionId && def.id !== f.definitionId) continue;
      }
      if (text && ![lite.person.firstName, lite.person.lastName, instanceId(this.data, i), lite.referenceID, lite.person.email].some((s) => s.toLowerCase().includes(text))) continue;
      base.push(i);
    }
    const extra = [...this.overlay.values()].filter((r) => this.matches(r, f, text)).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const tAt = (ref: Ref): number => (typeof ref === "number" ? tl.at(ref) : ref.createdAt);
    const out: Ref[] = [];
    let j = 0;
    for (const i of base) {
      while (j < extra.length && tAt(extra[j] as InstanceRecord) <= tl.at(i)) out.push(extra[j++] as InstanceRecord);
      out.push(i);
    }
    while (j < extra.length) out.push(extra[j++] as InstanceRecord);
    return out;
  }

  private matches(r: InstanceRecord, f: SearchFilter, text: string | undefined): boolean {
    if (f.start !== undefined && r.createdAt < f.start) return false;
    if (f.end !== undefined && r.createdAt >= f.end) return false;
    if (f.statuses && !f.statuses.has(r.status)) return false;
    if (f.definitionName && r.processDefnName.toLowerCase() !== f.definitionName.toLowerCase()) return false;
    if (f.definitionId && r.processDefnId !== f.definitionId) return false;
    if (!text) return true;
    const params = this.token(r.tokenId)?.parameters ?? {};
    const fields = [r.firstName, r.lastName, r.id, String(params.referenceID ?? ""), String(params.email ?? "")];
    return fields.some((s) => s.toLowerCase().includes(text));
  }
}
