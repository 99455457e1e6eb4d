"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import { ZCreateViewSchema, ZDeleteViewSchema, ZRenameViewSchema } from "./schemas";
import { createSavedView, deleteSavedView, renameSavedView } from "./update-views";

// Saved views are of the profiles list for now: whoever may read it may keep views of it.
export const createSavedViewAction = authorizedAction(
  { name: "views.create", permission: "profiles.read", input: ZCreateViewSchema },
  async (input, ctx) => {
    const view = await createSavedView(ctx, input);
    revalidatePath("/profiles");
    return view;
  },
);

export const renameSavedViewAction = authorizedAction(
  { name: "views.rename", permission: "profiles.read", input: ZRenameViewSchema },
  async (input, ctx) => {
    const view = await renameSavedView(ctx, input);
    revalidatePath("/profiles");
    return view;
  },
);

export const deleteSavedViewAction = authorizedAction(
  { name: "views.delete", permission: "profiles.read", input: ZDeleteViewSchema },
  async (input, ctx) => {
    const result = await deleteSavedView(ctx, input);
    revalidatePath("/profiles");
    return result;
  },
);
