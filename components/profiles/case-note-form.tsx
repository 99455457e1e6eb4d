"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { addCaseNoteAction } from "@/lib/profiles/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/ui/use-hydrated";

export function CaseNoteForm({ profileId }: { profileId: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get("body") ?? "");
    setError(undefined);
    startTransition(async () => {
      const result = await addCaseNoteAction({ profileId, body });
      if (!result.ok) {
        setError(result.error.fieldErrors?.body?.[0] ?? result.error.message);
        return;
      }
      form.current?.reset();
      toast.success("Note added.");
      router.refresh();
    });
  }

  return (
    <form method="post" ref={form} onSubmit={onSubmit} className="space-y-2" noValidate data-testid="case-note-form">
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Label htmlFor="case-note">Add a case note</Label>
      <Textarea id="case-note" name="body" rows={3} maxLength={5000} placeholder="What you checked, what you decided and why" />
      <Button type="submit" size="sm" disabled={pending || !hydrated}>
        Add note
      </Button>
    </form>
  );
}
