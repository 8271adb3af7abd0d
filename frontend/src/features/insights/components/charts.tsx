/**
 * The insights charts (recharts). Sized by their container; the first render, and jsdom which
 * has no ResizeObserver, use CHART_SIZE.
 */
import { useId, type ReactNode } from "react";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import type { Insights } from "../../../shared/api/queries";
import { CATEGORIES } from "../../issues";
import { formatDate } from "../../issues";

const CHART_SIZE = { width: 640, height: 260 };
const AXIS = { fontSize: 12, fill: "#6b7280" };
const GRID = "#e5e7eb";

/** Done work at the bottom, waiting work on top: the usual reading of a cumulative flow. */
const FLOW_BANDS = [...CATEGORIES].reverse();
/** Legend and tooltip list the categories in workflow order (recharts sorts by name). */
const inWorkflowOrder = (item: { dataKey?: unknown }) =>
  CATEGORIES.findIndex((c) => c.value === item.dataKey);

function ChartFigure(props: { title: string; summary: string; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart-card" aria-labelledby={id}>
      <figcaption>
        <h3 id={id}>{props.title}</h3>
        <p className="muted small">{props.summary}</p>
      </figcaption>
      <ResponsiveContainer width="100%" height={CHART_SIZE.height} initialDimension={CHART_SIZE}>
        {props.children}
      </ResponsiveContainer>
    </figure>
  );
}

// In the text colour: the light category colours read as "turned off" in the legend.
const legendText = (value: unknown) => <span className="chart-legend-text">{String(value)}</span>;
const dayLabel = (value: unknown) => formatDate(String(value));
const weekLabel = (value: unknown) => `Week of ${formatDate(String(value))}`;

/** One tick a week (on Mondays, like the throughput's weeks), fewer on long windows. */
function mondayTicks(dates: string[]): string[] {
  const mondays = dates.filter((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1);
  const step = Math.ceil(mondays.length / 10);
  return mondays.filter((_, i) => i % step === 0);
}

/** Issues per state category at the end of each day, stacked. */
export function CumulativeFlowChart({ flow }: { flow: Insights["cumulative_flow"] }) {
  const last = flow[flow.length - 1];
  const summary = last
    ? `At the end of ${formatDate(last.date)}: ` +
      CATEGORIES.map((c) => `${last[c.value]} ${c.name.toLowerCase()}`).join(", ") +
      "."
    : "No days in this window.";
  return (
    <ChartFigure title="Cumulative flow" summary={summary}>
      <AreaChart data={flow} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis
          dataKey="date"
          ticks={mondayTicks(flow.map((day) => day.date))}
          tickFormatter={dayLabel}
          tick={AXIS}
          minTickGap={16}
        />
        <YAxis allowDecimals={false} tick={AXIS} width={40} />
        <Tooltip labelFormatter={dayLabel} itemSorter={inWorkflowOrder} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inWorkflowOrder} formatter={legendText} />
        {FLOW_BANDS.map((category) => (
          <Area
            key={category.value}
            type="linear"
            dataKey={category.value}
            name={category.name}
            stackId="flow"
            stroke={category.color}
            fill={category.color}
            fillOpacity={0.75}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ChartFigure>
  );
}

/** Completions per ISO week. */
export function ThroughputChart({ weeks }: { weeks: Insights["throughput"] }) {
  const total = weeks.reduce((sum, week) => sum + week.completed, 0);
  const summary = `${total} ${total === 1 ? "issue" : "issues"} completed over ${weeks.length} ${
    weeks.length === 1 ? "week" : "weeks"
  }.`;
  const completed = CATEGORIES.find((c) => c.value === "completed")!;
  return (
    <ChartFigure title="Weekly throughput" summary={summary}>
      <BarChart data={weeks} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="week" tickFormatter={(value) => formatDate(String(value))} tick={AXIS} />
        <YAxis allowDecimals={false} tick={AXIS} width={40} />
        <Tooltip labelFormatter={weekLabel} cursor={{ fill: "#f3f4f6" }} />
        <Bar
          dataKey="completed"
          name="Completed"
          fill={completed.color}
          radius={[3, 3, 0, 0]}
          maxBarSize={48}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFigure>
  );
}
