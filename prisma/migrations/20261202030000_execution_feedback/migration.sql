-- Fraud feedback as set from this app, one row per change (Jumio keeps only the last one).
CREATE TABLE "execution_feedback" (
    "id" BIGSERIAL NOT NULL,
    "provider" "ExecutionProvider" NOT NULL,
    "execution_id" TEXT NOT NULL,
    "actor_id" UUID NOT NULL,
    "actor_email" TEXT NOT NULL,
    "from_status" TEXT,
    "from_reason" TEXT,
    "to_status" TEXT NOT NULL,
    "to_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "execution_feedback_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "execution_feedback_provider_execution_id_created_at_idx" ON "execution_feedback"("provider", "execution_id", "created_at");

ALTER TABLE "execution_feedback" ADD CONSTRAINT "execution_feedback_provider_execution_id_fkey" FOREIGN KEY ("provider", "execution_id") REFERENCES "executions"("provider", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "execution_feedback" ADD CONSTRAINT "execution_feedback_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
