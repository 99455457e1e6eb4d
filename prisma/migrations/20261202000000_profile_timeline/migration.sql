-- A profile's timeline reads every webhook Trulioo sent about it, handled or not (the partial index on
-- waiting events does not cover the handled ones).
CREATE INDEX "webhook_events_source_subject_id_received_at_idx" ON "webhook_events"("source", "subject_id", "received_at");
