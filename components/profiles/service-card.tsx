import type { TProfileService } from "@/lib/profiles/detail";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { ServiceDetails } from "./service-details";

const yesNo = (value: boolean | null) => (value === null ? "—" : value ? "yes" : "no");

/** One serviceData entry: what ran, what it found, and its full details on demand. */
export function ServiceCard({ profileId, flowId, service }: { profileId: string; flowId: string; service: TProfileService }) {
  const info = Object.entries(service.transactionInfo ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return (
    <li className="rounded-lg border border-border bg-card p-3 text-sm" data-testid="service-card">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="min-w-0">
          <span className="font-medium">{service.nodeTitle ?? service.nodeType ?? service.nodeId}</span>
          {service.nodeType ? <span className="ml-2 font-mono text-xs text-muted-foreground">{service.nodeType}</span> : null}
        </span>
        <span className="flex items-center gap-2">
          <Badge variant={service.serviceStatus === "COMPLETED" ? "success" : service.serviceStatus === "FAILED" || service.serviceStatus === "ERROR" ? "destructive" : "secondary"}>
            {service.serviceStatus}
          </Badge>
          <Badge variant={service.match === true ? "success" : service.match === false ? "destructive" : "outline"}>match: {yesNo(service.match)}</Badge>
        </span>
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-2">
        <div className="flex gap-2"><dt className="text-muted-foreground">Secondary match</dt><dd>{yesNo(service.secondaryMatch)}</dd></div>
        <div className="flex gap-2"><dt className="text-muted-foreground">Time</dt><dd>{formatDateTime(service.timestamp)}</dd></div>
        {info.map(([key, value]) => (
          <div key={key} className="flex min-w-0 gap-2">
            <dt className="shrink-0 text-muted-foreground">{key}</dt>
            <dd className="min-w-0 truncate font-mono" title={String(value)}>{String(value)}</dd>
          </div>
        ))}
      </dl>
      <ServiceDetails href={`/api/profiles/${profileId}/services/${encodeURIComponent(flowId)}/${service.position}`} label={`Full details of ${service.nodeTitle ?? service.nodeId}`} />
    </li>
  );
}
