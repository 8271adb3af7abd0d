import type { Insights, Percentiles } from "../../../shared/api/queries";

const oneDecimal = (value: number) =>
  value.toLocaleString(undefined, { maximumFractionDigits: 1 });

/** A duration in hours as people read it: minutes under an hour, days from two days on. */
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${oneDecimal(hours)} h`;
  return `${oneDecimal(hours / 24)} d`;
}

/** The open-age figures come in days; shown like the others. */
export function formatDays(days: number | null): string {
  return formatHours(days === null ? null : days * 24);
}

export const hasFigures = (p: Percentiles) => p.count > 0;

/** Nothing happened in the window: no issue completed, none open, every day's flow empty. */
export function isEmptyWindow(insights: Insights): boolean {
  const flowIsZero = insights.cumulative_flow.every(
    (day) => day.backlog + day.unstarted + day.started + day.completed + day.canceled === 0,
  );
  return (
    !hasFigures(insights.cycle_time_hours) &&
    !hasFigures(insights.lead_time_hours) &&
    !hasFigures(insights.open_age_days) &&
    insights.throughput.every((week) => week.completed === 0) &&
    flowIsZero
  );
}

/** True when no issue was completed in the window (open ones may still show). */
export const noCompletions = (insights: Insights) =>
  !hasFigures(insights.lead_time_hours) && insights.throughput.every((week) => week.completed === 0);
