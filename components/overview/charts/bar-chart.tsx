"use client";

import Link from "next/link";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { TBarChart } from "@/lib/overview/schemas";
import { Axes, CHART_HEIGHT, MARGIN, Readout, countTicks, useChartWidth, useReadout } from "./chart-parts";

const count = (n: number, noun: TBarChart["noun"]) => `${n.toLocaleString("en")} ${n === 1 ? noun.one : noun.many}`;
const FOCUS = "outline-none [&:focus-visible>rect]:stroke-slate-900 [&:focus-visible>rect]:stroke-2 [&:hover>rect]:opacity-80";

/**
 * Stacked bars, one part per series; each part is a link to the list of its rows and the total above
 * a bar links to all of them. SVG links are real anchors: Tab reaches them, Enter opens them.
 */
export function BarChart({ chart, label, wideTicks, testId }: { chart: TBarChart; label: string; wideTicks?: boolean; testId: string }) {
  const { ref, width } = useChartWidth();
  const { active, handlers } = useReadout();
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const yTicks = countTicks(Math.max(...chart.bars.map((b) => b.total)));
  const x = scaleBand<string>({ domain: chart.bars.map((b) => b.key), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, yTicks.at(-1)!], range: [innerHeight, 0] });
  const series = new Map(chart.series.map((s) => [s.key, s]));
  const ticks = new Map(chart.bars.map((b) => [b.key, b.tick]));
  // Labels are only drawn where they fit above the bar.
  const showTotals = x.bandwidth() >= 16;
  return (
    <div ref={ref} className="w-full min-w-0" data-testid={testId}>
      <Readout active={active} hint="Point at or tab to a bar for its numbers; open it for the list." />
      <svg width="100%" height={CHART_HEIGHT} viewBox={`0 0 ${width} ${CHART_HEIGHT}`} role="group" aria-label={label} className="block overflow-visible">
        <Group left={MARGIN.left} top={MARGIN.top}>
          <Axes x={x} y={y} yTicks={yTicks} ticks={ticks} innerWidth={innerWidth} innerHeight={innerHeight} wideTicks={wideTicks} />
          {chart.bars.map((bar) => {
            const left = x(bar.key) ?? 0;
            let base = 0;
            return (
              <g key={bar.key} data-testid="chart-bar" data-total={bar.total}>
                {bar.segments.map((segment) => {
                  const s = series.get(segment.series);
                  const top = y(base + segment.count);
                  const height = y(base) - top;
                  base += segment.count;
                  const text = `${s?.label ?? segment.series}: ${count(segment.count, chart.noun)}`;
                  const rect = <Bar x={left} y={top} width={x.bandwidth()} height={Math.max(1, height - 1)} fill={s?.color ?? "#64748b"} />;
                  return segment.href ? (
                    <Link
                      key={segment.series}
                      href={segment.href}
                      prefetch={false}
                      className={FOCUS}
                      aria-label={`${bar.name}, ${text}`}
                      data-testid="chart-segment"
                      data-count={segment.count}
                      {...handlers({ title: bar.name, detail: text })}
                    >
                      {rect}
                    </Link>
                  ) : (
                    <g key={segment.series} role="img" aria-label={`${bar.name}, ${text} (no list filter for this status)`}>
                      {rect}
                    </g>
                  );
                })}
                {showTotals && bar.total > 0 ? (
                  bar.href ? (
                    <Link
                      href={bar.href}
                      prefetch={false}
                      className="outline-none focus-visible:[&>text]:underline"
                      aria-label={`${bar.name}, all: ${count(bar.total, chart.noun)}`}
                      data-testid="chart-total"
                      data-count={bar.total}
                      {...handlers({ title: bar.name, detail: `all: ${count(bar.total, chart.noun)}` })}
                    >
                      <text x={left + x.bandwidth() / 2} y={y(bar.total) - 5} textAnchor="middle" fontSize={11} fill="#334155" className="tabular-nums">
                        {bar.total.toLocaleString("en")}
                      </text>
                    </Link>
                  ) : (
                    <text x={left + x.bandwidth() / 2} y={y(bar.total) - 5} textAnchor="middle" fontSize={11} fill="#334155" aria-hidden="true">
                      {bar.total.toLocaleString("en")}
                    </text>
                  )
                ) : null}
              </g>
            );
          })}
        </Group>
      </svg>
      {chart.series.length > 1 ? (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
          {chart.series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span className="size-2.5 rounded-sm" style={{ backgroundColor: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
