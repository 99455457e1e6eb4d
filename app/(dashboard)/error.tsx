"use client";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-4">
      <Alert variant="destructive">
        <AlertTitle>This page could not be loaded</AlertTitle>
        <AlertDescription>
          Something went wrong on our side; it has been logged{error.digest ? ` (reference ${error.digest})` : ""}.
        </AlertDescription>
      </Alert>
      <Button variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
