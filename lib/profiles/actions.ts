"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import { addCaseNote, ZAddCaseNoteSchema } from "./notes";
import { refreshProfile, ZRefreshProfileSchema } from "./refresh";
import { linkProfiles, unlinkProfiles, ZLinkProfilesSchema, ZUnlinkProfilesSchema } from "./link-actions";
import { findLinkCandidates, ZLinkSearchSchema } from "./link-search";

export const addCaseNoteAction = authorizedAction(
  { name: "profile.note_add", permission: "profiles.notes", input: ZAddCaseNoteSchema },
  async (input, ctx) => {
    const note = await addCaseNote(ctx, input);
    revalidatePath(`/profiles/${input.profileId}`);
    return { id: note.id };
  },
);

export const refreshProfileAction = authorizedAction(
  { name: "profile.refresh", permission: "profiles.refresh", input: ZRefreshProfileSchema },
  async (input, ctx) => {
    const refreshed = await refreshProfile(ctx, input);
    revalidatePath(`/profiles/${input.profileId}`);
    return refreshed;
  },
);

export const linkProfilesAction = authorizedAction(
  { name: "profile.link", permission: "profiles.link", input: ZLinkProfilesSchema },
  async (input, ctx) => {
    const link = await linkProfiles(ctx, input);
    revalidatePath(`/profiles/${input.fromId}`);
    return link;
  },
);

export const unlinkProfilesAction = authorizedAction(
  { name: "profile.unlink", permission: "profiles.link", input: ZUnlinkProfilesSchema },
  async (input, ctx) => {
    const link = await unlinkProfiles(ctx, input);
    revalidatePath(`/profiles/${input.fromId}`);
    return link;
  },
);

// The link dialog's search: the list's own search, a handful of candidates.
export const findLinkCandidatesAction = authorizedAction(
  { name: "profile.link", permission: "profiles.link", input: ZLinkSearchSchema },
  async (input) => findLinkCandidates(input),
);
