import type { TExecutionDetail } from "@/lib/executions/detail";
import { humanise } from "@/lib/executions/stored";
import { DocumentViewer, type TViewerGroup } from "./document-viewer";
import { FieldComparison } from "./field-comparison";

type Props = { execution: TExecutionDetail; canSeeImages: boolean };

// The review area: the captured images (one viewer each, grouped by credential) beside what the vendor
// read from the document and what the person entered in Trulioo.
export function DocumentReview({ execution, canSeeImages }: Props) {
  const source = execution.provider === "JUMIO" ? "Jumio" : "TrustX";
  const groups: TViewerGroup[] = [];
  for (const credential of execution.jumio?.record?.credentials ?? []) {
    const images = credential.parts.flatMap((p) =>
      p.image ? [{ key: `${credential.id}-${p.classifier}`, label: `${humanise(credential.category)} · ${p.classifier}`, href: p.image.href, downloadHref: p.image.downloadHref }] : [],
    );
    if (images.length) groups.push({ key: credential.id, title: `${humanise(credential.category)} credential`, detail: credential.id, images });
  }
  const imageNote =
    execution.provider === "TRUSTX" ? null
    : execution.wipedOutAt ? "This execution's personal data was wiped; its images are gone."
    : !groups.length ? "No images were captured for this execution."
    : !canSeeImages ? "Your role does not open captured images; they are evidence taken through audited exports."
    : null;
  const documentNote =
    execution.provider === "JUMIO" && execution.wipedOutAt ? "Jumio's extracted data was wiped with the execution's personal data."
    : execution.provider === "JUMIO" ? "Jumio's values are those its extraction capability read off the document."
    : "TrustX's values are the document's biographic fields, visual zone first.";
  const viewer = canSeeImages && !execution.wipedOutAt && groups.length ? groups : null;
  return (
    <section className={viewer ? "grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]" : "grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,48rem)]"} aria-label="Document review">
      {viewer || imageNote ? (
        <div className="min-w-0 space-y-2">
          <h2 className="text-base font-semibold">Captured images</h2>
          {viewer ? <DocumentViewer groups={viewer} /> : <p className="rounded-lg border border-border bg-card p-4 text-sm text-muted-foreground" data-testid="images-note">{imageNote}</p>}
        </div>
      ) : null}
      <FieldComparison comparison={execution.comparison} source={source} profileId={execution.profileId} documentNote={documentNote} />
    </section>
  );
}
