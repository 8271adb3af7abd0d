import { useQuery, type QueryKey } from "@tanstack/react-query";
import { useParams, useSearchParams } from "react-router-dom";

import {
  DEFAULT_INSIGHT_WINDOW,
  INSIGHT_WINDOWS,
  insightsQuery,
  workspaceQuery,
  type Insights,
} from "../../../shared/api/queries";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { CumulativeFlowChart, ThroughputChart } from "./charts";
import { formatDays, formatHours, isEmptyWindow, noCompletions } from "../lib/format";
import { StatCard } from "./StatCard";
import { formatDate } from "../../issues";
import { ProjectTabs } from "../../issues";

/** Two insight keys for the same project or workspace (they differ only in the window, last). */
const sameScope = (a: QueryKey, b: QueryKey) =>
  a.length === b.length && a.slice(0, -1).every((part, i) => part === b[i]);

const NO_COMPLETIONS = "No completed issues in this window yet";

/** The window in the address (?days=30), so a reload or a shared link shows the same figures. */
function useWindow(): [number, (days: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("days"));
  const days = (INSIGHT_WINDOWS as readonly number[]).includes(asked)
    ? asked
    : DEFAULT_INSIGHT_WINDOW;
  const choose = (next: number) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === DEFAULT_INSIGHT_WINDOW) updated.delete("days");
        else updated.set("days", String(next));
        return updated;
      },
      { replace: true },
    );
  return [days, choose];
}

function WindowPicker({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Window">
      {INSIGHT_WINDOWS.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === days}
          onClick={() => onChange(option)}
        >
          {option} days
        </button>
      ))}
    </div>
  );
}

/**
 * Flow figures of one project (`/w/:slug/p/:projectKey/insights`) or of every project the caller
 * can see in the workspace (`/w/:slug/insights`): cycle and lead time, open-issue age, weekly
 * throughput and cumulative flow.
 */
export function InsightsScreen() {
  const { slug = "", projectKey } = useParams();
  const [days, setDays] = useWindow();
  const workspace = useQuery({ ...workspaceQuery(slug), enabled: !projectKey });
  const query = insightsQuery(slug, projectKey, days);
  const insights = useQuery({
    ...query,
    // Another window of the same project (or workspace) keeps the current figures on screen,
    // marked as updating, until it arrives; another project's or the workspace's never stand in.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameScope(previousQuery.queryKey, query.queryKey) ? previous : undefined,
  });

  return (
    <div className="page insights">
      {projectKey ? (
        <ProjectTabs slug={slug} projectKey={projectKey} />
      ) : (
        <h1>Insights</h1>
      )}
      <div className="insights-bar">
        <p className="muted">
          {projectKey
            ? "How work flows through this project."
            : `How work flows through every project you can see${
                workspace.data ? ` in ${workspace.data.name}` : ""
              }.`}{" "}
          {insights.data && (
            <>
              {formatDate(insights.data.since)} – {formatDate(insights.data.until)} (UTC).
            </>
          )}
        </p>
        <div className="insights-window">
          {insights.isPlaceholderData && (
            <span className="muted small" role="status">
              Loading the last {days} days…
            </span>
          )}
          <WindowPicker days={days} onChange={setDays} />
        </div>
      </div>
      {insights.isPending ? (
        <Loading label="Loading insights" />
      ) : insights.isError ? (
        <ErrorState error={insights.error} />
      ) : (
        <div className="insights-figures" aria-busy={insights.isPlaceholderData}>
          <InsightsFigures insights={insights.data} />
        </div>
      )}
    </div>
  );
}

function InsightsFigures({ insights }: { insights: Insights }) {
  if (isEmptyWindow(insights)) {
    return (
      <EmptyState title={NO_COMPLETIONS}>
        <p className="muted">
          Cycle time, lead time and throughput show here once issues are completed. Changes count a
          moment after they are made.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="stat-cards">
        <StatCard
          title="Cycle time"
          description="From first start to completion"
          figures={insights.cycle_time_hours}
          format={formatHours}
          noun="completed issue"
          emptyText={NO_COMPLETIONS}
        />
        <StatCard
          title="Lead time"
          description="From creation to completion"
          figures={insights.lead_time_hours}
          format={formatHours}
          noun="completed issue"
          emptyText={NO_COMPLETIONS}
        />
        <StatCard
          title="Open issue age"
          description="Since creation, of the issues open now"
          figures={insights.open_age_days}
          format={formatDays}
          noun="open issue"
          emptyText="No open issues"
        />
      </div>
      <div className="charts">
        <CumulativeFlowChart flow={insights.cumulative_flow} />
        {noCompletions(insights) ? (
          <section className="chart-card" aria-label="Weekly throughput">
            <h3>Weekly throughput</h3>
            <EmptyState title={NO_COMPLETIONS} />
          </section>
        ) : (
          <ThroughputChart weeks={insights.throughput} />
        )}
      </div>
    </>
  );
}
