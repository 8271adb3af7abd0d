import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";

import {
  issueListQuery,
  statesQuery,
  type IssueFilters,
} from "../../../shared/api/queries";
import { cachedLabel, cachedPerson } from "../../../shared/api/issueCache";
import { LabelPicker, MemberPicker } from "../../../shared/components/pickers";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { PRIORITIES } from "./display";
import { BulkActionBar } from "./BulkActionBar";
import { IssuePanel, useOpenIssue } from "./IssuePanel";
import { IssueTable } from "./IssueTable";
import { ProjectTabs } from "./ProjectTabs";
import { useRealtimeTopic } from "../../realtime";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";

const FILTER_NAMES = ["state", "assignee", "label", "priority", "q", "ordering"] as const;
const ORDERINGS = [
  { value: "-created", label: "Newest" },
  { value: "-updated", label: "Recently updated" },
  { value: "priority", label: "Priority" },
  { value: "due_date", label: "Due date" },
  { value: "number", label: "Number" },
];

function filtersFrom(params: URLSearchParams): IssueFilters {
  const filters: IssueFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** Search box that writes `q` to the URL 300 ms after the last keystroke. */
function SearchInput({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  if (value !== lastValue) {
    // The URL changed under us (back button, shared link): show what it says.
    setLastValue(value);
    setDraft(value);
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <input
      type="search"
      aria-label="Search issues"
      placeholder="Search…  /"
      value={draft}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => onChange(next), 300);
      }}
    />
  );
}

export function IssueListScreen() {
  const { slug = "", projectKey = "" } = useParams();
  useRealtimeTopic(slug, projectKey);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const { issueKey: openIssueKey, open } = useOpenIssue();
  // The open issue's panel names the tab while it is open.
  useDocumentTitle(["Issues", projectKey], !openIssueKey);
  const states = useQuery(statesQuery(slug, projectKey));
  const client = useQueryClient();
  // A person or label chosen earlier (or named by a shared link): its name, if a read knows it.
  const person = filters.assignee && !["me", "none"].includes(filters.assignee) ? filters.assignee : null;
  const personName = (person && cachedPerson(client, slug, person)?.display_name) ?? "Chosen person";
  const label = filters.label ? cachedLabel(client, slug, projectKey, filters.label) : undefined;
  const list = useInfiniteQuery(issueListQuery(slug, projectKey, filters));
  const issues = list.data?.pages.flatMap((page) => page.results) ?? [];

  function setFilter(name: (typeof FILTER_NAMES)[number], value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name === "q" },
    );
  }

  return (
    <div className="issues-screen">
      <div className="issues-main">
        <ProjectTabs slug={slug} projectKey={projectKey} />
        <div className="filters" role="search">
          <SearchInput
            key={projectKey}
            value={filters.q ?? ""}
            onChange={(q) => setFilter("q", q)}
          />
          <select
            aria-label="Filter by state"
            value={filters.state ?? ""}
            onChange={(event) => setFilter("state", event.target.value)}
          >
            <option value="">Any state</option>
            {(states.data ?? []).map((state) => (
              <option key={state.id} value={state.id}>
                {state.name}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter by assignee"
            value={filters.assignee ?? ""}
            onChange={(event) => setFilter("assignee", event.target.value)}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">No assignee</option>
            {person && <option value={filters.assignee}>{personName}</option>}
          </select>
          <MemberPicker
            slug={slug}
            label="Find assignee"
            placeholder="Assignee…"
            onChoose={(chosen) => setFilter("assignee", chosen.id)}
          />
          <LabelPicker
            slug={slug}
            projectKey={projectKey}
            label="Filter by label"
            placeholder="Any label"
            value={filters.label ? (label ?? { id: filters.label, name: "Chosen label", color: "#888888" }) : null}
            onChoose={(chosen) => setFilter("label", chosen.id)}
            onClear={() => setFilter("label", "")}
          />
          <select
            aria-label="Filter by priority"
            value={filters.priority ?? ""}
            onChange={(event) => setFilter("priority", event.target.value)}
          >
            <option value="">Any priority</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority}
              </option>
            ))}
          </select>
          <select
            aria-label="Sort by"
            value={filters.ordering ?? "-created"}
            onChange={(event) => setFilter("ordering", event.target.value)}
          >
            {ORDERINGS.map((ordering) => (
              <option key={ordering.value} value={ordering.value}>
                {ordering.label}
              </option>
            ))}
          </select>
        </div>
        <BulkActionBar slug={slug} projectKey={projectKey} />
        {list.isPending ? (
          <Loading label="Loading issues" />
        ) : list.error && !list.data ? (
          <ErrorState error={list.error} />
        ) : issues.length === 0 ? (
          <EmptyState title="No issues match" />
        ) : (
          <IssueTable issues={issues} onOpen={open} />
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="load-more"
            disabled={list.isFetchingNextPage}
            onClick={() => list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        )}
      </div>
      <IssuePanel slug={slug} />
    </div>
  );
}
