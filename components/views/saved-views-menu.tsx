"use client";

import { useState } from "react";
import Link from "next/link";
import { Bookmark } from "lucide-react";
import type { TSavedView, TSavedViewList } from "@/lib/views/schemas";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ManageViewsDialog } from "./manage-views-dialog";
import { SaveViewDialog } from "./save-view-dialog";

/** Pick a saved view (a link to its URL), save the current one, or manage one's own. */
export function SavedViewsMenu(props: { list: TSavedViewList; path: string; query: string; views: TSavedView[] }) {
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const mine = props.views.filter((v) => v.mine);
  const shared = props.views.filter((v) => !v.mine);
  const item = (view: TSavedView) => (
    <DropdownMenuItem key={view.id} asChild>
      <Link href={view.query ? `${props.path}?${view.query}` : props.path} data-testid="saved-view">
        <span className="flex-1 truncate">{view.name}</span>
        {view.mine ? (view.shared ? <span className="text-xs text-muted-foreground">shared</span> : null) : <span className="text-xs text-muted-foreground">{view.ownerName}</span>}
      </Link>
    </DropdownMenuItem>
  );
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" className="h-8">
            <Bookmark aria-hidden />
            Views
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel>My views</DropdownMenuLabel>
          {mine.length ? mine.map(item) : <p className="px-2 py-1 text-xs text-muted-foreground">None yet.</p>}
          {shared.length ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel>Shared by others</DropdownMenuLabel>
              {shared.map(item)}
            </>
          ) : null}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setSaving(true)}>Save current view…</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setManaging(true)} disabled={mine.length === 0}>Rename or delete…</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <SaveViewDialog list={props.list} query={props.query} open={saving} onOpenChange={setSaving} />
      <ManageViewsDialog views={props.views} open={managing} onOpenChange={setManaging} />
    </>
  );
}
