-- Lists over 1,000,000 profiles: accent- and case-insensitive search (pg_trgm + unaccent), facet
-- columns the filters read without joining child tables, keyset indexes per sort key, saved views.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index; naming
-- the dictionary makes the result fixed, and the wrapper may be declared IMMUTABLE.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- One searchable text per row; queries must use the very same expression for the index to apply.
-- Names inside are schema-qualified: PostgreSQL 17+ evaluates index expressions with a search_path of
-- pg_catalog only while it builds an index over existing rows, analyses or vacuums.
CREATE OR REPLACE FUNCTION profile_search_text(full_name text, email text, id uuid) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.f_unaccent(coalesce(full_name, '') || ' ' || coalesce(email, '') || ' ' || id::text)) $$;

CREATE OR REPLACE FUNCTION execution_search_text(first_name text, last_name text, id text, account_id text, customer_reference text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.f_unaccent(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || id || ' ' ||
    coalesce(account_id, '') || ' ' || coalesce(customer_reference, ''))) $$;

-- Facets of a profile's child rows, kept on the profile by the sync (refresh_profile_facets).
ALTER TABLE "profiles"
  ADD COLUMN "workflow_ids" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "service_outcome" TEXT NOT NULL DEFAULT 'NONE',
  ADD COLUMN "has_files" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "link_count" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "execution_count" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "latest_decision" TEXT,
  ADD COLUMN "latest_execution_at" TIMESTAMPTZ(3);

CREATE OR REPLACE FUNCTION refresh_profile_facets(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE profiles p SET
    workflow_ids = f.workflow_ids, service_outcome = f.service_outcome, has_files = f.has_files,
    link_count = f.link_count, execution_count = f.execution_count, latest_decision = f.latest_decision,
    latest_execution_at = f.latest_execution_at
  FROM (
    SELECT x.id,
      coalesce((SELECT array_agg(DISTINCT pf.flow_id ORDER BY pf.flow_id) FROM profile_flows pf WHERE pf.profile_id = x.id), '{}') AS workflow_ids,
      coalesce((SELECT CASE
          WHEN bool_or(s.match IS FALSE OR s.service_status IN ('ERROR', 'TIMEOUT')) THEN 'SOME_FAILED'
          WHEN bool_or(s.service_status = 'PENDING') THEN 'PENDING'
          ELSE 'ALL_MATCHED' END
        -- An aggregate over no rows still yields a row: without HAVING a profile with no services would
        -- read as ALL_MATCHED.
        FROM service_results s WHERE s.profile_id = x.id HAVING count(*) > 0), 'NONE') AS service_outcome,
      EXISTS (SELECT 1 FROM profile_files pf WHERE pf.profile_id = x.id) AS has_files,
      (SELECT count(*)::int FROM profile_links l WHERE l.from_id = x.id OR l.to_id = x.id) AS link_count,
      (SELECT count(*)::int FROM executions e WHERE e.profile_id = x.id) AS execution_count,
      (SELECT e.decision_type FROM executions e WHERE e.profile_id = x.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1) AS latest_decision,
      (SELECT max(e.created_at) FROM executions e WHERE e.profile_id = x.id) AS latest_execution_at
    FROM unnest(ids) AS x(id)
  ) f
  WHERE p.id = f.id
    AND (p.workflow_ids, p.service_outcome, p.has_files, p.link_count, p.execution_count, p.latest_decision, p.latest_execution_at)
      IS DISTINCT FROM (f.workflow_ids, f.service_outcome, f.has_files, f.link_count, f.execution_count, f.latest_decision, f.latest_execution_at)
$$;

SELECT refresh_profile_facets(coalesce((SELECT array_agg(id) FROM profiles), '{}'));

-- Keyset pagination: every sort key is (value, id) with an index in that order. Nullable columns sort
-- through coalesce() (a NULL would drop out of the row comparison), so their indexes are on that
-- expression, which schema.prisma cannot spell.
DROP INDEX "profiles_created_at_idx";
DROP INDEX "profiles_status_idx";
CREATE INDEX "profiles_created_at_id_idx" ON "profiles"("created_at", "id");
CREATE INDEX "profiles_status_id_idx" ON "profiles"("status", "id");
CREATE INDEX "profiles_country_id_idx" ON "profiles"((coalesce("country", '')), "id");
CREATE INDEX "profiles_full_name_id_idx" ON "profiles"((coalesce("full_name", '')), "id");
CREATE INDEX "profiles_service_outcome_idx" ON "profiles"("service_outcome");
CREATE INDEX "profiles_latest_decision_idx" ON "profiles"("latest_decision");
-- Rare values (wiped, fraud feedback) would otherwise mean walking a whole sort index to fill a page.
CREATE INDEX "profiles_pii_wiped_at_idx" ON "profiles"("pii_wiped_at");
CREATE INDEX "profiles_workflow_ids_idx" ON "profiles" USING GIN ("workflow_ids");
CREATE INDEX "profiles_search_idx" ON "profiles" USING GIN (profile_search_text("full_name", "email", "id") gin_trgm_ops);

DROP INDEX "executions_created_at_idx";
CREATE INDEX "executions_created_at_provider_id_idx" ON "executions"("created_at", "provider", "id");
CREATE INDEX "executions_completed_at_provider_id_idx" ON "executions"((coalesce("completed_at", '-infinity')), "provider", "id");
CREATE INDEX "executions_risk_score_provider_id_idx" ON "executions"((coalesce("risk_score", -1)), "provider", "id");
CREATE INDEX "executions_decision_type_idx" ON "executions"("decision_type");
CREATE INDEX "executions_wiped_out_at_idx" ON "executions"("wiped_out_at");
CREATE INDEX "executions_feedback_status_idx" ON "executions"("feedback_status");
CREATE INDEX "executions_search_idx" ON "executions" USING GIN (
  execution_search_text("first_name", "last_name", "id", "account_id", "customer_reference") gin_trgm_ops);

CREATE TABLE "saved_views" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "list" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "saved_views_owner_id_list_name_key" ON "saved_views"("owner_id", "list", "name");
CREATE INDEX "saved_views_list_shared_idx" ON "saved_views"("list", "shared");
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
