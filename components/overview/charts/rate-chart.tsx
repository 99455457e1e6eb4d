"use client";

import Link from "next/link";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { LinePath } from "@visx/shape";
import { formatRate } from "@/lib/overview/format";
import type { TRatePoint } from "@/lib/overview/schemas";
import { Axes, CHART_HEIGHT, MARGIN, Readout, useChartWidth, useReadout } from "./chart-parts";

const detail = (p: TRatePoint) =>
  p.rate === null ? "no processed executions" : `${formatRate(p.rate)} · ${p.count.toLocaleString("en")} of ${p.base.toLocaleString("en")} processed with feedback`;

/**
 * Rate axis tops: the smallest that holds the highest point, so a 2 % rate is not a flat line at the
 * bottom; each splits into round quarters (1 %, 2 %, 5 %, 10 %, 20 %, 25 %).
 */
const TOPS = [0.04, 0.08, 0.2, 0.4, 0.8, 1];

/** The share of processed executions with fraud feedback per period; each point links to those executions. */
export function RateChart({ points, label, testId }: { points: TRatePoint[]; label: string; testId: string }) {
  const { ref, width } = useChartWidth();
  const { active, handlers } = useReadout();
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const highest = Math.max(0, ...points.map((p) => p.rate ?? 0));
  const top = TOPS.find((t) => t >= highest) ?? 1;
  const yTicks = [0, top / 4, top / 2, (top * 3) / 4, top];
  const x = scaleBand<string>({ domain: points.map((p) => p.key), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0] });
  const cx = (p: TRatePoint) => (x(p.key) ?? 0) + x.bandwidth() / 2;
  const ticks = new Map(points.map((p) => [p.key, p.tick]));
  return (
    <div ref={ref} className="w-full min-w-0" data-testid={testId}>
      <Readout active={active} hint="Point at or tab to a point for its numbers; open it for the executions." />
      <svg width="100%" height={CHART_HEIGHT} viewBox={`0 0 ${width} ${CHART_HEIGHT}`} role="group" aria-label={label} className="block overflow-visible">
        <Group left={MARGIN.left} top={MARGIN.top}>
          <Axes x={x} y={y} yTicks={yTicks} ticks={ticks} innerWidth={innerWidth} innerHeight={innerHeight} yFormat={(v) => `${Math.round(v * 100)}%`} />
          {/* A period without processed executions has no rate: the line breaks there instead of dropping to 0. */}
          <LinePath
            data={points}
            x={cx}
            y={(p) => y(p.rate ?? 0)}
            defined={(p) => p.rate !== null}
            stroke="#4f46e5"
            strokeWidth={2}
            aria-hidden="true"
          />
          {points.map((p) => {
            if (p.rate === null) return null;
            const dot = (
              <>
                {/* A larger invisible target: a 4px dot is hard to hit with a finger. */}
                <circle cx={cx(p)} cy={y(p.rate)} r={12} fill="transparent" />
                <circle cx={cx(p)} cy={y(p.rate)} r={4} fill="#ffffff" stroke="#4f46e5" strokeWidth={2} className="dot" />
              </>
            );
            return p.href ? (
              <Link
                key={p.key}
                href={p.href}
                prefetch={false}
                className="outline-none [&:focus-visible>.dot]:stroke-slate-900 [&:focus-visible>.dot]:[stroke-width:3] [&:hover>.dot]:fill-indigo-100"
                aria-label={`${p.name}, ${detail(p)}`}
                data-testid="chart-point"
                data-count={p.count}
                {...handlers({ title: p.name, detail: detail(p) })}
              >
                {dot}
              </Link>
            ) : (
              <g key={p.key} role="img" aria-label={`${p.name}, ${detail(p)}`}>
                {dot}
              </g>
            );
          })}
        </Group>
      </svg>
    </div>
  );
}
