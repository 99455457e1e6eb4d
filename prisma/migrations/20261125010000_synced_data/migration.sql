-- CreateEnum
CREATE TYPE "ExecutionProvider" AS ENUM ('JUMIO', 'TRUSTX');
CREATE TYPE "SyncRunState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "WebhookState" AS ENUM ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED');

-- CreateTable
CREATE TABLE "workflows" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "corporate" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "raw" JSONB NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workflows_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "profiles" (
    "id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "profile_type" TEXT NOT NULL,
    "status_manually_changed" BOOLEAN NOT NULL,
    "owner_ids" TEXT[],
    "upstream_user" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_modified" TIMESTAMPTZ(3) NOT NULL,
    "full_name" TEXT,
    "email" TEXT,
    "country" TEXT,
    "date_of_birth" TEXT,
    "pii_wiped_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "profiles_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "profile_flows" (
    "profile_id" UUID NOT NULL,
    "flow_id" TEXT NOT NULL,
    "completed" BOOLEAN NOT NULL,
    CONSTRAINT "profile_flows_pkey" PRIMARY KEY ("profile_id", "flow_id")
);

CREATE TABLE "field_values" (
    "profile_id" UUID NOT NULL,
    "flow_id" TEXT NOT NULL,
    "element_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT,
    "normalized_name" TEXT,
    "values" TEXT[],
    CONSTRAINT "field_values_pkey" PRIMARY KEY ("profile_id", "flow_id", "element_id")
);

CREATE TABLE "profile_files" (
    "profile_id" UUID NOT NULL,
    "flow_id" TEXT NOT NULL,
    "element_id" TEXT NOT NULL,
    "file_key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "enhanced" BOOLEAN NOT NULL,
    CONSTRAINT "profile_files_pkey" PRIMARY KEY ("profile_id", "flow_id", "element_id", "position", "enhanced")
);

CREATE TABLE "service_results" (
    "profile_id" UUID NOT NULL,
    "flow_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "node_id" TEXT NOT NULL,
    "node_title" TEXT,
    "node_type" TEXT,
    "service_status" TEXT NOT NULL,
    "match" BOOLEAN,
    "secondary_match" BOOLEAN,
    "timestamp" TIMESTAMPTZ(3),
    "transaction_record_id" TEXT,
    "transaction_info" JSONB,
    CONSTRAINT "service_results_pkey" PRIMARY KEY ("profile_id", "flow_id", "position")
);

CREATE TABLE "profile_notes" (
    "profile_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3),
    CONSTRAINT "profile_notes_pkey" PRIMARY KEY ("profile_id", "id")
);

CREATE TABLE "profile_tasks" (
    "profile_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL,
    "created_by" TEXT,
    "updated_by" TEXT,
    "created_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3),
    CONSTRAINT "profile_tasks_pkey" PRIMARY KEY ("profile_id", "id")
);

CREATE TABLE "profile_links" (
    "from_id" UUID NOT NULL,
    "to_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    CONSTRAINT "profile_links_pkey" PRIMARY KEY ("from_id", "to_id")
);

CREATE TABLE "executions" (
    "provider" "ExecutionProvider" NOT NULL,
    "id" TEXT NOT NULL,
    "account_id" TEXT,
    "definition" TEXT,
    "status" TEXT NOT NULL,
    "decision_type" TEXT,
    "decision_label" TEXT,
    "risk_score" INTEGER,
    "customer_reference" TEXT,
    "profile_id" UUID,
    "first_name" TEXT,
    "last_name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "wiped_out_at" TIMESTAMPTZ(3),
    "feedback_status" TEXT,
    "feedback_reason" TEXT,
    "raw" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "executions_pkey" PRIMARY KEY ("provider", "id")
);

CREATE TABLE "sync_runs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "state" "SyncRunState" NOT NULL DEFAULT 'QUEUED',
    "requested_by" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "expected" INTEGER,
    "stage" TEXT,
    "failure" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sync_cursors" (
    "key" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sync_cursors_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "sync_errors" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID,
    "source" TEXT NOT NULL,
    "external_id" TEXT,
    "message" TEXT NOT NULL,
    "issues" JSONB,
    "raw" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sync_errors_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "webhook_events" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subject_id" TEXT,
    "payload" JSONB NOT NULL,
    "state" "WebhookState" NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "profiles_status_idx" ON "profiles"("status");
CREATE INDEX "profiles_last_modified_id_idx" ON "profiles"("last_modified", "id");
CREATE INDEX "profiles_created_at_idx" ON "profiles"("created_at");
CREATE INDEX "profiles_country_idx" ON "profiles"("country");
CREATE INDEX "profile_flows_flow_id_idx" ON "profile_flows"("flow_id");
CREATE INDEX "field_values_role_idx" ON "field_values"("role");
CREATE INDEX "service_results_transaction_record_id_idx" ON "service_results"("transaction_record_id");
CREATE INDEX "service_results_service_status_idx" ON "service_results"("service_status");
CREATE INDEX "profile_links_to_id_idx" ON "profile_links"("to_id");
CREATE INDEX "executions_profile_id_idx" ON "executions"("profile_id");
CREATE INDEX "executions_customer_reference_idx" ON "executions"("customer_reference");
CREATE INDEX "executions_created_at_idx" ON "executions"("created_at");
CREATE INDEX "executions_status_idx" ON "executions"("status");
CREATE INDEX "sync_runs_created_at_idx" ON "sync_runs"("created_at");
CREATE INDEX "sync_runs_state_idx" ON "sync_runs"("state");
CREATE INDEX "sync_errors_run_id_idx" ON "sync_errors"("run_id");
CREATE INDEX "sync_errors_source_external_id_idx" ON "sync_errors"("source", "external_id");
CREATE UNIQUE INDEX "webhook_events_source_dedupe_key_key" ON "webhook_events"("source", "dedupe_key");
CREATE INDEX "webhook_events_received_at_idx" ON "webhook_events"("received_at");
CREATE INDEX "webhook_events_state_idx" ON "webhook_events"("state");

-- AddForeignKey
ALTER TABLE "profile_flows" ADD CONSTRAINT "profile_flows_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "field_values" ADD CONSTRAINT "field_values_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "profile_files" ADD CONSTRAINT "profile_files_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "service_results" ADD CONSTRAINT "service_results_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "profile_notes" ADD CONSTRAINT "profile_notes_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "profile_tasks" ADD CONSTRAINT "profile_tasks_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "profile_links" ADD CONSTRAINT "profile_links_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "profile_links" ADD CONSTRAINT "profile_links_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "profiles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "executions" ADD CONSTRAINT "executions_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sync_errors" ADD CONSTRAINT "sync_errors_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
