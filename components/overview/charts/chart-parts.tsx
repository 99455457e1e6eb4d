import { useState } from "react";
import { Group } from "@visx/group";
import { useParentSize } from "@visx/responsive";
import type { scaleBand, scaleLinear } from "@visx/scale";

// What the overview's client charts share: the measured width, the axes and grid, and the line that
// reads out the bar or point under the pointer or the keyboard focus.

export const CHART_HEIGHT = 220;
export const MARGIN = { top: 20, right: 8, bottom: 26, left: 40 };
const AXIS = "#cbd5e1";
const LABEL = "#5b677c";
// Wide enough for "30 Nov" or "1–4 weeks" at 11px; narrower bands label every second or third one.
const TICK_WIDTH = { band: 44, text: 62 };

/** Until the browser measures, the server's HTML draws at this width and the SVG's viewBox scales it. */
export function useChartWidth() {
  const { parentRef, width } = useParentSize({ initialSize: { width: 640 }, debounceTime: 100, ignoreDimensions: ["height", "top", "left"] });
  return { ref: parentRef, width: Math.max(160, Math.round(width || 640)) };
}

export type TActive = { title: string; detail: string } | null;

export function useReadout() {
  const [active, setActive] = useState<TActive>(null);
  const handlers = (value: NonNullable<TActive>) => ({
    onMouseEnter: () => setActive(value),
    onFocus: () => setActive(value),
    onMouseLeave: () => setActive(null),
    onBlur: () => setActive(null),
  });
  return { active, handlers };
}

/** Sighted pointer and keyboard users read the numbers here; screen readers get each link's label. */
export function Readout({ active, hint }: { active: TActive; hint: string }) {
  return (
    <p className="min-h-5 truncate text-xs text-muted-foreground" aria-hidden="true">
      {active ? (
        <>
          <span className="font-medium text-foreground">{active.title}</span> · {active.detail}
        </>
      ) : (
        hint
      )}
    </p>
  );
}

/** Up to five round, whole-number ticks from 0 to at least `max` (these axes count rows); the last is the axis top. */
export function countTicks(max: number): number[] {
  const rough = Math.max(1, max) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough);
  const top = Math.ceil(Math.max(1, max) / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

type TAxesProps = {
  x: ReturnType<typeof scaleBand<string>>;
  y: ReturnType<typeof scaleLinear<number>>;
  yTicks: number[];
  ticks: Map<string, string>;
  innerWidth: number;
  innerHeight: number;
  yFormat?: (value: number) => string;
  wideTicks?: boolean;
};

/** Grid lines with the count (or rate) on the left and the period under each labelled band. */
export function Axes({ x, y, yTicks, ticks, innerWidth, innerHeight, yFormat = (v) => v.toLocaleString("en"), wideTicks }: TAxesProps) {
  const keys = x.domain();
  const every = Math.max(1, Math.ceil((wideTicks ? TICK_WIDTH.text : TICK_WIDTH.band) / Math.max(1, x.step())));
  // Label the newest period always (it is the one people look for), then every n-th back from it.
  const shown = keys.filter((_, i) => (keys.length - 1 - i) % every === 0);
  return (
    <Group aria-hidden="true" fontSize={11} fill={LABEL}>
      {yTicks.map((t) => (
        <g key={t}>
          <line x1={0} x2={innerWidth} y1={y(t)} y2={y(t)} stroke={t === 0 ? AXIS : "#eef2f6"} />
          <text x={-6} y={y(t)} dy="0.32em" textAnchor="end" className="tabular-nums">
            {yFormat(t)}
          </text>
        </g>
      ))}
      {shown.map((key) => {
        const cx = (x(key) ?? 0) + x.bandwidth() / 2;
        return (
          <g key={key}>
            <line x1={cx} x2={cx} y1={innerHeight} y2={innerHeight + 4} stroke={AXIS} />
            <text x={cx} y={innerHeight + 16} textAnchor="middle">
              {ticks.get(key) ?? key}
            </text>
          </g>
        );
      })}
    </Group>
  );
}
