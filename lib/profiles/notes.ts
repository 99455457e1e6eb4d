import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { TActionContext } from "@/lib/actions/safe-action";

export const ZAddCaseNoteSchema = z.object({
  profileId: z.uuid(),
  body: z.string().trim().min(1, "Write the note first.").max(5000, "Keep a note under 5,000 characters."),
});
export type TAddCaseNoteInput = z.output<typeof ZAddCaseNoteSchema>;

/** A case note of our own, with its audit event in the same transaction. The profile must exist here. */
export async function addCaseNote(ctx: TActionContext, input: TAddCaseNoteInput) {
  return ctx.db.$transaction(async (tx) => {
    const profile = await tx.profile.findUnique({ where: { id: input.profileId }, select: { id: true } });
    if (!profile) throw new AppError("NOT_FOUND", "That profile does not exist.");
    const note = await tx.caseNote.create({ data: { profileId: profile.id, authorId: ctx.user.id, body: input.body }, select: { id: true, createdAt: true } });
    // The note's text stays out of the audit trail (it may name the person); its id and length do not.
    await recordAudit(tx, ctx.audit({ action: "profile.note_add", outcome: "SUCCESS", target: { type: "profile", id: profile.id }, details: { noteId: note.id, length: input.body.length } }));
    return note;
  });
}

/** Our case notes and Trulioo's own notes of a profile, newest first. */
export async function findProfileNotes(profileId: string) {
  const db = getDb();
  const [caseNotes, upstream] = await Promise.all([
    db.caseNote.findMany({
      where: { profileId },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, body: true, createdAt: true, author: { select: { name: true, email: true } } },
    }),
    db.profileNote.findMany({ where: { profileId }, orderBy: { createdAt: "desc" }, take: 200, select: { id: true, text: true, createdBy: true, createdAt: true } }),
  ]);
  return { caseNotes, upstream };
}
