import { notFound } from "next/navigation";
import { z } from "zod";
import { profileExists } from "@/lib/profiles/queries";

// Checked here, outside the page's loading boundary, so a bad or unknown id answers with a real 404
// status rather than a not-found page streamed under a 200.
export default async function ProfileLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success || !(await profileExists(id.data))) notFound();
  return children;
}
