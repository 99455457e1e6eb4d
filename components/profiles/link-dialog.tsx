"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Link2 } from "lucide-react";
import { findLinkCandidatesAction, linkProfilesAction, unlinkProfilesAction } from "@/lib/profiles/actions";
import { PROFILE_STATUS_LABELS } from "@/lib/profiles/list-shape";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";

// How each type reads from this client's side: "This client … <the other>".
const TYPES = [
  { value: "RELATES_TO", label: "relates to" },
  { value: "DUPLICATE_OF", label: "is a duplicate of" },
  { value: "OWNS", label: "owns" },
  { value: "OWNED_BY", label: "is owned by" },
] as const;

type TCandidate = { id: string; fullName: string | null; email: string | null; status: string };

/** Links this client to another one found with the list's search. */
export function LinkDialog({ profileId }: { profileId: string }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [candidates, setCandidates] = useState<TCandidate[] | null>(null);
  const [picked, setPicked] = useState<string>("");
  const [type, setType] = useState<(typeof TYPES)[number]["value"]>("RELATES_TO");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  const search = (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    startTransition(async () => {
      const result = await findLinkCandidatesAction({ q, exclude: profileId });
      if (!result.ok) return setError(result.error.message);
      setCandidates(result.data);
      setPicked(result.data[0]?.id ?? "");
    });
  };
  const link = () => {
    setError(undefined);
    startTransition(async () => {
      const result = await linkProfilesAction({ fromId: profileId, toId: picked, type });
      if (!result.ok) return setError(result.error.message);
      toast.success("Linked at Trulioo.");
      setOpen(false);
      setCandidates(null);
      setQ("");
      router.refresh();
    });
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="outline" data-testid="link-open">
          <Link2 /> Link a client
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Link another end client</DialogTitle>
          <DialogDescription>The link is made at Trulioo first; both clients show it.</DialogDescription>
        </DialogHeader>
        <form onSubmit={search} className="flex gap-2">
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, email or client id" aria-label="Find a client" maxLength={200} />
          <Button type="submit" variant="outline" disabled={pending}>Search</Button>
        </form>
        {candidates ? (
          candidates.length === 0 ? (
            <p className="text-sm text-muted-foreground">No other client matches.</p>
          ) : (
            <fieldset className="max-h-60 space-y-1 overflow-auto" data-testid="link-candidates">
              <legend className="sr-only">Pick the client</legend>
              {candidates.map((c) => (
                <label key={c.id} className="flex cursor-pointer items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent">
                  <input type="radio" name="candidate" value={c.id} checked={picked === c.id} onChange={() => setPicked(c.id)} className="mt-1" />
                  <span className="min-w-0">
                    <span className="block font-medium">{c.fullName ?? "(no name)"}</span>
                    <span className="block truncate text-xs text-muted-foreground">
                      {c.email ?? c.id} · {PROFILE_STATUS_LABELS[c.status] ?? c.status}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          )
        ) : null}
        <div className="space-y-1">
          <Label htmlFor="link-type">This client…</Label>
          <select id="link-type" value={type} onChange={(e) => setType(e.target.value as typeof type)} className="h-9 w-full rounded-md border border-input bg-background px-2 text-sm">
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>{t.label} the picked client</option>
            ))}
          </select>
        </div>
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
        <DialogFooter>
          <Button type="button" onClick={link} disabled={pending || !picked}>
            {pending ? "Working…" : "Link"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Removes a link (at Trulioo first). */
export function UnlinkButton({ fromId, toId, name }: { fromId: string; toId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const unlink = () => {
    if (!window.confirm(`Remove the link with ${name}? It is removed at Trulioo too.`)) return;
    startTransition(async () => {
      const result = await unlinkProfilesAction({ fromId, toId });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success("Unlinked at Trulioo.");
      router.refresh();
    });
  };
  return (
    <Button type="button" size="sm" variant="ghost" onClick={unlink} disabled={pending} aria-label={`Unlink ${name}`} data-testid="unlink">
      {pending ? "…" : "Unlink"}
    </Button>
  );
}
