import "server-only";
import { likeContains, raw, sql, type TFragment } from "@/lib/list/sql";
import type { TKeyColumn } from "@/lib/list/keyset";
import type { TProfileFilters, TProfileListParams, TProfileSort } from "./schemas";

export const PROFILE_FROM = raw("FROM profiles p");

// Each sort key with the primary key as tie-breaker; the migration indexes each pair in this order.
export const PROFILE_KEYS: Record<TProfileSort, TKeyColumn[]> = {
  lastModified: [{ expr: "p.last_modified", cast: "timestamptz" }, { expr: "p.id", cast: "uuid" }],
  created: [{ expr: "p.created_at", cast: "timestamptz" }, { expr: "p.id", cast: "uuid" }],
  name: [{ expr: "coalesce(p.full_name, '')", cast: "text" }, { expr: "p.id", cast: "uuid" }],
  status: [{ expr: "p.status", cast: "text" }, { expr: "p.id", cast: "uuid" }],
  country: [{ expr: "coalesce(p.country, '')", cast: "text" }, { expr: "p.id", cast: "uuid" }],
};

const dayStart = (day: string) => `${day}T00:00:00Z`;

/** The WHERE conditions of a filter + search, shared by the page, the count, the facets and the export. */
export function profileConditions(params: Pick<TProfileListParams, "filters" | "q">, omit?: keyof TProfileFilters): TFragment[] {
  const f = params.filters;
  const c: TFragment[] = [];
  if (f.status && omit !== "status") c.push(sql`p.status = ANY(${f.status}::text[])`);
  if (f.workflow) c.push(sql`p.workflow_ids && ${f.workflow}::text[]`);
  if (f.type) c.push(sql`p.profile_type = ANY(${f.type}::text[])`);
  if (f.country) c.push(sql`p.country = ANY(${f.country}::text[])`);
  if (f.createdFrom) c.push(sql`p.created_at >= ${dayStart(f.createdFrom)}::timestamptz`);
  if (f.createdTo) c.push(sql`p.created_at < ${dayStart(f.createdTo)}::timestamptz + interval '1 day'`);
  if (f.modifiedFrom) c.push(sql`p.last_modified >= ${dayStart(f.modifiedFrom)}::timestamptz`);
  if (f.modifiedTo) c.push(sql`p.last_modified < ${dayStart(f.modifiedTo)}::timestamptz + interval '1 day'`);
  if (f.outcome) c.push(sql`p.service_outcome = ANY(${f.outcome}::text[])`);
  if (f.files !== undefined) c.push(sql`p.has_files = ${f.files}`);
  if (f.links !== undefined) c.push(f.links ? sql`p.link_count > 0` : sql`p.link_count = 0`);
  if (f.decision) c.push(sql`p.latest_decision = ANY(${f.decision}::text[])`);
  if (f.wiped !== undefined) c.push(f.wiped ? sql`p.pii_wiped_at IS NOT NULL` : sql`p.pii_wiped_at IS NULL`);
  const q = params.q.trim();
  if (q) {
    // The same expression as the trigram index (migration 20261201000000_list_search).
    c.push(sql`profile_search_text(p.full_name, p.email, p.id) LIKE lower(f_unaccent(${likeContains(q)}))`);
  }
  return c;
}
