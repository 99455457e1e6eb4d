-- Case notes of our own: evidence the sync never touches.
CREATE TABLE "case_notes" (
    "id" UUID NOT NULL,
    "profile_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_notes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_notes_body_length" CHECK (char_length("body") BETWEEN 1 AND 5000)
);

CREATE INDEX "case_notes_profile_id_created_at_idx" ON "case_notes"("profile_id", "created_at");
CREATE INDEX "case_notes_author_id_idx" ON "case_notes"("author_id");

ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
