import "server-only";
import { z } from "zod";
import { profileList } from "./schemas";
import { findProfiles } from "./queries";

export const ZLinkSearchSchema = z.object({ q: z.string().trim().min(2, "Type at least two characters.").max(200, "Keep the search under 200 characters."), exclude: z.uuid() });

/** Up to 8 clients matching the list's search (name, email, id), the profile itself left out. */
export async function findLinkCandidates(input: z.output<typeof ZLinkSearchSchema>) {
  const { params } = profileList.parse(new URLSearchParams({ q: input.q, size: "25" }));
  const page = await findProfiles(params);
  return page.rows
    .filter((p) => p.id !== input.exclude)
    .slice(0, 8)
    .map((p) => ({ id: p.id, fullName: p.fullName, email: p.email, status: p.status }));
}
