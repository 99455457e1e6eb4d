import "server-only";
import { getPool } from "@/lib/db";
import { countRows, countRowsGrouped, type TTotal } from "@/lib/list/count";
import { distinctValues, facetCounts, type TFacetCounts } from "@/lib/list/facets";
import { readPage, type TPage } from "@/lib/list/keyset";
import { raw } from "@/lib/list/sql";
import { PROFILE_FROM, PROFILE_KEYS, profileConditions } from "./conditions";
import { PROFILE_STATUSES, PROFILE_TYPES, type TProfileListParams, type TProfileSort } from "./schemas";

export type TProfileRow = {
  id: string;
  fullName: string | null;
  email: string | null;
  status: string;
  profileType: string;
  country: string | null;
  createdAt: Date;
  lastModified: Date;
  serviceOutcome: string;
  linkCount: number;
  executionCount: number;
  latestDecision: string | null;
  piiWipedAt: Date | null;
  workflowIds: string[];
};

export const PROFILE_SELECT = raw(`p.id::text AS "id", p.full_name AS "fullName", p.email, p.status, p.profile_type AS "profileType",
  p.country, p.created_at AS "createdAt", p.last_modified AS "lastModified", p.service_outcome AS "serviceOutcome",
  p.link_count AS "linkCount", p.execution_count AS "executionCount", p.latest_decision AS "latestDecision",
  p.pii_wiped_at AS "piiWipedAt", p.workflow_ids AS "workflowIds"`);

export function profileKeyOf(sort: TProfileSort): (row: TProfileRow) => (string | number)[] {
  const value: Record<TProfileSort, (row: TProfileRow) => string> = {
    lastModified: (r) => r.lastModified.toISOString(),
    created: (r) => r.createdAt.toISOString(),
    name: (r) => r.fullName ?? "",
    status: (r) => r.status,
    country: (r) => r.country ?? "",
  };
  return (row) => [value[sort](row), row.id];
}

/** One page of the profiles list (keyset); the total comes from countProfiles, in parallel. */
export async function findProfiles(params: TProfileListParams, options: { lastPageSize?: number } = {}): Promise<TPage<TProfileRow>> {
  return readPage<TProfileRow>(
    getPool(),
    {
      from: PROFILE_FROM,
      conditions: profileConditions(params),
      select: PROFILE_SELECT,
      key: PROFILE_KEYS[params.sort],
      dir: params.dir,
      cursor: params.cursor,
      page: params.page,
      size: params.size,
      lastPageSize: options.lastPageSize,
    },
    profileKeyOf(params.sort),
  );
}

export async function countProfiles(params: Pick<TProfileListParams, "filters" | "q">): Promise<TTotal> {
  return countRows(getPool(), PROFILE_FROM, profileConditions(params));
}

/**
 * The total, and the counts per status the status filter shows. Without a status filter both come
 * from one bounded scan when the list is small; otherwise the facet leaves the status filter out.
 */
export async function countProfilesWithStatuses(params: TProfileListParams): Promise<{ total: TTotal; statusCounts: TFacetCounts }> {
  const pool = getPool();
  const statusFacet = () =>
    facetCounts(pool, { from: PROFILE_FROM, conditions: profileConditions(params, "status"), expr: "p.status", values: PROFILE_STATUSES });
  if (params.filters.status) {
    const [total, statusCounts] = await Promise.all([countProfiles(params), statusFacet()]);
    return { total, statusCounts };
  }
  const { total, groups } = await countRowsGrouped(pool, PROFILE_FROM, profileConditions(params), "p.status");
  return { total, statusCounts: groups ? { counts: groups, exact: true } : await statusFacet() };
}

export type TProfileFilterOptions = {
  workflows: { id: string; name: string }[];
  countries: string[];
  /** Contract §1.2: NORMAL, and BUSINESS for companies (no index on the column: not read from it). */
  types: string[];
  decisions: string[];
};

/** What the filters offer: workflows by name, the countries and decisions present. */
export async function getProfileFilterOptions(): Promise<TProfileFilterOptions> {
  const pool = getPool();
  const [workflows, countries, decisions] = await Promise.all([
    pool.query<{ id: string; name: string }>("SELECT id, name FROM workflows ORDER BY name, id"),
    distinctValues(pool, "profiles", "country"),
    distinctValues(pool, "profiles", "latest_decision"),
  ]);
  return { workflows: workflows.rows, countries, types: [...PROFILE_TYPES], decisions };
}

/** For the case page's layout: an unknown id answers 404 before the page's loading boundary streams a 200. */
export async function profileExists(id: string): Promise<boolean> {
  const { rowCount } = await getPool().query("SELECT 1 FROM profiles WHERE id = $1::uuid", [id]);
  return (rowCount ?? 0) > 0;
}
