"use client";

import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A list that failed to load says so (never an empty list that looks like "no matches"), offers a
 * retry, and a way back to the list's defaults in case the address itself is the trouble.
 */
export function DataTableError({ error, reset, path }: { error: Error & { digest?: string }; reset: () => void; path: string }) {
  return (
    <div className="max-w-xl space-y-4" data-testid="list-error">
      <Alert variant="destructive">
        <AlertTitle>This list could not be loaded</AlertTitle>
        <AlertDescription>
          Something went wrong on our side; it has been logged{error.digest ? ` (reference ${error.digest})` : ""}.
        </AlertDescription>
      </Alert>
      <div className="flex gap-2">
        <Button variant="outline" onClick={reset}>
          Try again
        </Button>
        <Button variant="ghost" asChild>
          <Link href={path}>Open the list without filters</Link>
        </Button>
      </div>
    </div>
  );
}
