"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import { addCaseNote, ZAddCaseNoteSchema } from "./notes";
import { refreshProfile, ZRefreshProfileSchema } from "./refresh";

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
