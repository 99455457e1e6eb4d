-- The inbox is drained in batches by the workers (lib/webhooks/drain.ts): lanes, leases and retries.
ALTER TABLE "webhook_events"
    ADD COLUMN "lane" SMALLINT NOT NULL DEFAULT 0,
    ADD COLUMN "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "claimed_at" TIMESTAMPTZ(3),
    ADD COLUMN "claimed_by" TEXT,
    ADD COLUMN "outcome" TEXT;

-- What a drain claims: waiting events by lane, then due time. Only waiting rows are in it.
CREATE INDEX "webhook_events_waiting_idx" ON "webhook_events"("lane", "next_attempt_at", "id") WHERE "state" = 'RECEIVED';
CREATE INDEX "webhook_events_waiting_subject_idx" ON "webhook_events"("source", "subject_id") WHERE "state" = 'RECEIVED';
CREATE INDEX "webhook_events_processed_at_idx" ON "webhook_events"("processed_at");

-- CreateTable
CREATE TABLE "local_changes" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "expected" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "local_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "local_changes_source_subject_id_idx" ON "local_changes"("source", "subject_id");
CREATE INDEX "local_changes_expires_at_idx" ON "local_changes"("expires_at");
