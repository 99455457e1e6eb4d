import { z } from "zod";

export const SAVED_VIEW_LISTS = ["profiles"] as const;
export const ZSavedViewListSchema = z.enum(SAVED_VIEW_LISTS);
export type TSavedViewList = z.infer<typeof ZSavedViewListSchema>;

const ZViewNameSchema = z.string().trim().min(1, "Give the view a name").max(60, "At most 60 characters");

export const ZCreateViewSchema = z.object({
  list: ZSavedViewListSchema,
  name: ZViewNameSchema,
  /** The list's URL query; re-parsed by the list's own lenient parse, which must accept all of it. */
  query: z.string().max(2000),
  shared: z.boolean(),
});
export type TCreateViewInput = z.infer<typeof ZCreateViewSchema>;

export const ZRenameViewSchema = z.object({ id: z.uuid(), name: ZViewNameSchema });
export type TRenameViewInput = z.infer<typeof ZRenameViewSchema>;

export const ZDeleteViewSchema = z.object({ id: z.uuid() });
export type TDeleteViewInput = z.infer<typeof ZDeleteViewSchema>;

export type TSavedView = { id: string; name: string; query: string; shared: boolean; mine: boolean; ownerName: string };
