-- Jobs: long actions run by the worker in chunks, with one row per subject and its outcome.
CREATE TYPE "JobState" AS ENUM ('AWAITING_APPROVAL', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED', 'REJECTED');
CREATE TYPE "JobItemState" AS ENUM ('PENDING', 'CLAIMED', 'DONE', 'FAILED', 'SKIPPED');

CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "state" "JobState" NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "title" TEXT NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "requested_by_email" TEXT NOT NULL,
    "request_context" JSONB NOT NULL DEFAULT '{}',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "approval_required" BOOLEAN NOT NULL DEFAULT false,
    "decided_by_id" UUID,
    "decided_by_email" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "retry_of_id" UUID,
    "cancel_requested_at" TIMESTAMPTZ(3),
    "failure" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id"),
    -- Four eyes: whoever approves or rejects a job is not who asked for it.
    CONSTRAINT "jobs_decider_not_requester" CHECK ("decided_by_id" IS NULL OR "decided_by_id" <> "requested_by_id"),
    CONSTRAINT "jobs_counts" CHECK ("done" >= 0 AND "failed" >= 0 AND "skipped" >= 0 AND "done" + "failed" + "skipped" <= "total")
);

CREATE INDEX "jobs_created_at_idx" ON "jobs"("created_at");
CREATE INDEX "jobs_state_idx" ON "jobs"("state");
CREATE INDEX "jobs_kind_created_at_idx" ON "jobs"("kind", "created_at");
CREATE INDEX "jobs_requested_by_id_idx" ON "jobs"("requested_by_id");

ALTER TABLE "jobs" ADD CONSTRAINT "jobs_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_retry_of_id_fkey" FOREIGN KEY ("retry_of_id") REFERENCES "jobs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "job_items" (
    "job_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "subject_id" TEXT NOT NULL,
    "state" "JobItemState" NOT NULL DEFAULT 'PENDING',
    "chunk" INTEGER,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "code" TEXT,
    "message" TEXT,
    "before" TEXT,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_items_pkey" PRIMARY KEY ("job_id", "seq")
);

CREATE INDEX "job_items_job_id_state_seq_idx" ON "job_items"("job_id", "state", "seq");
CREATE INDEX "job_items_subject_id_idx" ON "job_items"("subject_id");

ALTER TABLE "job_items" ADD CONSTRAINT "job_items_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
