"use client";

import { useState, useTransition } from "react";
import { Trash2 } from "lucide-react";
import { deleteSavedViewAction, renameSavedViewAction } from "@/lib/views/actions";
import type { TSavedView } from "@/lib/views/schemas";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

/** Rename or delete one's own views (shared ones of others are only used, never changed). */
export function ManageViewsDialog(props: { views: TSavedView[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [pending, startTransition] = useTransition();
  const [names, setNames] = useState<Record<string, string>>({});
  const mine = props.views.filter((v) => v.mine);
  const run = (action: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast.success(done);
      else toast.error(result.error?.message ?? "That did not work.");
    });
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Your saved views</DialogTitle>
          <DialogDescription>Rename or delete the views you made.</DialogDescription>
        </DialogHeader>
        {mine.length === 0 ? <p className="text-sm text-muted-foreground">You have no saved views yet.</p> : null}
        <ul className="space-y-2">
          {mine.map((view) => (
            <li key={view.id} className="flex items-center gap-2">
              <form
                className="flex flex-1 items-center gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  const name = (names[view.id] ?? view.name).trim();
                  run(() => renameSavedViewAction({ id: view.id, name }), `Renamed to "${name}".`);
                }}
              >
                <Input
                  aria-label={`Name of ${view.name}`}
                  value={names[view.id] ?? view.name}
                  maxLength={60}
                  onChange={(e) => setNames({ ...names, [view.id]: e.target.value })}
                  className="h-8"
                />
                {view.shared ? <span className="text-xs text-muted-foreground">shared</span> : null}
                <Button type="submit" size="sm" variant="outline" disabled={pending || (names[view.id] ?? view.name) === view.name}>
                  Rename
                </Button>
              </form>
              <Button
                size="icon"
                variant="ghost"
                className="size-8"
                aria-label={`Delete ${view.name}`}
                disabled={pending}
                onClick={() => run(() => deleteSavedViewAction({ id: view.id }), `View "${view.name}" deleted.`)}
              >
                <Trash2 aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
