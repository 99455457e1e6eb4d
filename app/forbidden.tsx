import Link from "next/link";
import { ShieldX } from "lucide-react";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <ShieldX className="size-10 text-destructive" aria-hidden />
      <div className="space-y-1">
        <p className="text-sm font-medium text-muted-foreground">Error 403</p>
        <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
        <p className="max-w-md text-sm text-muted-foreground">
          Your role does not include this area. The attempt has been recorded. If you need access, ask an administrator.
        </p>
      </div>
      <Button asChild variant="outline">
        <Link href="/">Back to overview</Link>
      </Button>
    </main>
  );
}
