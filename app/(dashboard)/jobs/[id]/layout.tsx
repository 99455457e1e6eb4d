import { notFound } from "next/navigation";
import { jobExists } from "@/lib/jobs/queries";
import { ZJobIdSchema } from "@/lib/jobs/schemas";

// Checked here, outside the page's loading boundary, so a bad or unknown id answers with a real 404
// status rather than a not-found page streamed under a 200.
export default async function JobLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const id = ZJobIdSchema.safeParse((await params).id);
  if (!id.success || !(await jobExists(id.data))) notFound();
  return children;
}
