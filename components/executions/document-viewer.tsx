"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Maximize, Minus, Plus, RotateCw, Scan, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";

export type TViewerImage = { key: string; label: string; href: string; downloadHref: string };
export type TViewerGroup = { key: string; title: string; detail?: string; images: TViewerImage[] };

const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 8;
const MAX_FIT = 4;

type TSize = { w: number; h: number };

/**
 * One captured image with its own zoom, 90° rotation and fit-to-box / actual-size toggle. The image is
 * drawn at its natural size and transformed; a wrapper as large as the transformed image gives the
 * viewport something to scroll, so a zoomed-in document can be panned with scrollbars or the keyboard.
 */
function ImagePanel({ image }: { image: TViewerImage }) {
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [fit, setFit] = useState(true);
  const [natural, setNatural] = useState<TSize | null>(null);
  const [box, setBox] = useState<TSize | null>(null);
  const [failed, setFailed] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setBox({ w: entry.contentRect.width, h: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // An image that finished loading before hydration fires no onLoad that React sees, so look once.
  const imgRef = useCallback((img: HTMLImageElement | null) => {
    if (img?.complete && img.naturalWidth > 0) setNatural({ w: img.naturalWidth, h: img.naturalHeight });
  }, []);

  const quarter = rotation % 180 !== 0;
  const turned = natural ? (quarter ? { w: natural.h, h: natural.w } : natural) : null;
  // Fit enlarges small captures too, but no further than MAX_FIT: past it a reviewer sees pixels, not detail.
  const base = fit && turned && box ? Math.min(MAX_FIT, box.w / turned.w, box.h / turned.h) : 1;
  const scale = base * zoom;

  // Zooming keeps the point at the middle of the viewport where it was, instead of jumping to the corner.
  const centre = useRef({ x: 0.5, y: 0.5 });
  const onScroll = () => {
    const el = boxRef.current;
    if (el) centre.current = { x: (el.scrollLeft + el.clientWidth / 2) / el.scrollWidth, y: (el.scrollTop + el.clientHeight / 2) / el.scrollHeight };
  };
  useLayoutEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    el.scrollLeft = centre.current.x * el.scrollWidth - el.clientWidth / 2;
    el.scrollTop = centre.current.y * el.scrollHeight - el.clientHeight / 2;
  }, [scale, rotation]);

  const zoomIn = () => setZoom((z) => Math.min(MAX_ZOOM, z * ZOOM_STEP));
  const zoomOut = () => setZoom((z) => Math.max(MIN_ZOOM, z / ZOOM_STEP));
  const rotate = () => setRotation((r) => (r + 90) % 360);
  const toggleFit = () => {
    setFit((f) => !f);
    setZoom(1);
  };
  const reset = () => {
    setZoom(1);
    setRotation(0);
    setFit(true);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const actions: Record<string, () => void> = { "+": zoomIn, "=": zoomIn, "-": zoomOut, r: rotate, f: toggleFit, "0": reset };
    const action = actions[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      action();
    }
  };

  const transform = `translate(-50%, -50%) rotate(${rotation}deg) scale(${scale})`;
  return (
    <figure className="flex min-w-0 flex-col overflow-hidden rounded-lg border border-border bg-card" data-testid="document-image-panel" data-label={image.label}>
      <div className="flex flex-wrap items-center gap-1 border-b border-border px-2 py-1.5" role="toolbar" aria-label={`${image.label} view controls`}>
        <Button type="button" variant="ghost" size="icon" className="size-8" onClick={zoomOut} disabled={zoom <= MIN_ZOOM} aria-label={`Zoom out of ${image.label}`} aria-keyshortcuts="-">
          <Minus />
        </Button>
        <span className="w-12 text-center text-xs tabular-nums text-muted-foreground" aria-live="polite" data-testid="document-image-scale">
          {natural ? `${Math.round(scale * 100)}%` : "…"}
        </span>
        <Button type="button" variant="ghost" size="icon" className="size-8" onClick={zoomIn} disabled={zoom >= MAX_ZOOM} aria-label={`Zoom into ${image.label}`} aria-keyshortcuts="+">
          <Plus />
        </Button>
        <Button type="button" variant="ghost" size="icon" className="size-8" onClick={rotate} aria-label={`Rotate ${image.label} 90° clockwise`} aria-keyshortcuts="r">
          <RotateCw />
        </Button>
        <Button
          type="button" variant="ghost" size="icon" className="size-8" onClick={toggleFit} aria-keyshortcuts="f"
          aria-label={fit ? `Show ${image.label} at actual size` : `Fit ${image.label} to the box`}
        >
          {fit ? <Scan /> : <Maximize />}
        </Button>
        <Button type="button" variant="ghost" size="icon" className="size-8" onClick={reset} aria-label={`Reset the view of ${image.label}`} aria-keyshortcuts="0">
          <Undo2 />
        </Button>
      </div>
      <div
        ref={boxRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
        role="group"
        aria-label={`${image.label}: + and − zoom, R rotates, F switches fit and actual size, 0 resets; arrow keys scroll`}
        className="flex h-80 overflow-auto bg-muted focus-visible:outline-2 focus-visible:outline-ring"
      >
        {failed ? (
          <p className="m-auto px-4 text-center text-sm text-muted-foreground">This image could not be loaded. Try the download link, or reload the page.</p>
        ) : (
          <div
            className="relative m-auto shrink-0"
            style={turned ? { width: turned.w * scale, height: turned.h * scale } : { width: "100%", height: "100%" }}
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- streamed through an authorised route, never optimised or cached */}
            <img
              ref={imgRef}
              src={image.href}
              alt={image.label}
              data-testid="document-image"
              data-rotation={rotation}
              data-zoom={zoom}
              data-fit={fit ? "box" : "actual"}
              onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
              onError={() => setFailed(true)}
              className={natural ? "absolute top-1/2 left-1/2 max-w-none origin-center" : "h-full w-full object-contain"}
              style={natural ? { width: natural.w, height: natural.h, transform } : undefined}
            />
          </div>
        )}
      </div>
      <figcaption className="flex items-center justify-between gap-2 px-3 py-2 text-xs text-muted-foreground">
        <span className="truncate">{image.label}</span>
        <a href={image.downloadHref} download className="shrink-0 text-primary hover:underline">
          Download
        </a>
      </figcaption>
    </figure>
  );
}

export function DocumentViewer({ groups }: { groups: TViewerGroup[] }) {
  return (
    <div className="space-y-4" data-testid="execution-images">
      {groups.map((group) => (
        <section key={group.key} className="space-y-2" aria-label={group.title}>
          <h3 className="text-sm font-medium">
            {group.title}
            {group.detail ? <span className="ml-2 font-mono text-xs font-normal break-all text-muted-foreground">{group.detail}</span> : null}
          </h3>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {group.images.map((image) => (
              <ImagePanel key={image.key} image={image} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
