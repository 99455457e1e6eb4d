"use client";

import { useState, useTransition } from "react";
import { createSavedViewAction } from "@/lib/views/actions";
import type { TSavedViewList } from "@/lib/views/schemas";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";

export function SaveViewDialog(props: { list: TSavedViewList; query: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await createSavedViewAction({
        list: props.list,
        query: props.query,
        name: String(form.get("name") ?? ""),
        shared: form.get("shared") === "on",
      });
      if (!result.ok) {
        setError(result.error.fieldErrors?.name?.[0] ?? result.error.message);
        return;
      }
      toast.success(`View "${result.data.name}" saved.`);
      setError(undefined);
      props.onOpenChange(false);
    });
  }
  return (
    <Dialog open={props.open} onOpenChange={(open) => { setError(undefined); props.onOpenChange(open); }}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Save this view</DialogTitle>
          <DialogDescription>Keeps the current filters, search, sort and columns under a name.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <div className="space-y-1.5">
            <Label htmlFor="view-name">Name</Label>
            <Input id="view-name" name="name" maxLength={60} autoFocus required />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="shared" className="size-4 accent-primary" />
            Share with everyone
          </label>
          <DialogFooter>
            <Button type="submit" disabled={pending}>Save view</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
