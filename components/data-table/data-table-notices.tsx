import { Alert, AlertDescription } from "@/components/ui/alert";

/** What the lenient URL parse set aside: the page still renders, with defaults, and says so. */
export function DataTableNotices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <Alert variant="warning" className="mb-3" data-testid="list-notice">
      <AlertDescription>
        <p className="font-medium">Parts of this address were not understood and were replaced by defaults.</p>
        <ul className="mt-1 list-inside list-disc text-xs">
          {notices.slice(0, 6).map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
