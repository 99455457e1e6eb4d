import { notFound } from "next/navigation";
import { z } from "zod";
import { executionExists } from "@/lib/executions/queries";

// Checked here, outside the page's loading boundary, so a bad or unknown id answers with a real 404
// status rather than a not-found page streamed under a 200.
export default async function ExecutionLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const id = z.string().min(1).max(200).safeParse((await params).id);
  if (!id.success || !(await executionExists(id.data))) notFound();
  return children;
}
