-- A job may leave a file behind (the transaction-PDF ZIP of issue 16): where it is under EXPORTS_DIR,
-- its size, and when retention removes it. A removed artifact keeps its size and expiry and loses its
-- path, so the Jobs page can say it expired rather than that there never was one.
ALTER TABLE "jobs" ADD COLUMN "artifact_path" TEXT;
ALTER TABLE "jobs" ADD COLUMN "artifact_bytes" BIGINT;
ALTER TABLE "jobs" ADD COLUMN "artifact_expires_at" TIMESTAMPTZ(3);

-- The worker's retention sweep looks up expired artifacts by this.
CREATE INDEX "jobs_artifact_expires_at_idx" ON "jobs"("artifact_expires_at") WHERE "artifact_path" IS NOT NULL;
