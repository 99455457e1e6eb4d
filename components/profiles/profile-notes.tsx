import { formatDateTime } from "@/lib/format";
import type { findProfileNotes } from "@/lib/profiles/notes";
import { CaseNoteForm } from "./case-note-form";

type TNotes = Awaited<ReturnType<typeof findProfileNotes>>;

/** Our own case notes (with a form for those who may write them) and Trulioo's notes, read-only. */
export function ProfileNotes({ profileId, notes, canWrite }: { profileId: string; notes: TNotes; canWrite: boolean }) {
  return (
    <section className="mt-6 grid max-w-5xl gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        <h2 className="text-base font-semibold">Case notes</h2>
        {canWrite ? <CaseNoteForm profileId={profileId} /> : null}
        {notes.caseNotes.length === 0 ? (
          <p className="text-sm text-muted-foreground">No case notes yet.</p>
        ) : (
          <ul className="space-y-2" data-testid="case-notes">
            {notes.caseNotes.map((note) => (
              <li key={note.id} className="rounded-lg border border-border bg-card p-3 text-sm">
                <p className="whitespace-pre-wrap break-words">{note.body}</p>
                <p className="mt-1 text-xs text-muted-foreground">
                  {note.author.name} · {formatDateTime(note.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="space-y-3">
        <h2 className="text-base font-semibold">Notes in Trulioo</h2>
        {notes.upstream.length === 0 ? (
          <p className="text-sm text-muted-foreground">None.</p>
        ) : (
          <ul className="space-y-2" data-testid="upstream-notes">
            {notes.upstream.map((note) => (
              <li key={note.id} className="rounded-lg border border-border bg-muted/40 p-3 text-sm">
                <p className="whitespace-pre-wrap break-words">{note.text}</p>
                <p className="mt-1 text-xs text-muted-foreground">
                  {note.createdBy ?? "Trulioo"}
                  {note.createdAt ? ` · ${formatDateTime(note.createdAt)}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
