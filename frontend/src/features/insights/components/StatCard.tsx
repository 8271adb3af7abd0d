import { useId } from "react";

import type { Percentiles } from "../../../shared/api/queries";

/** One figure's p50, p85 and p95, with what it measures and over how many issues. */
export function StatCard(props: {
  title: string;
  description: string;
  figures: Percentiles;
  format: (value: number | null) => string;
  noun: string;
  emptyText: string;
}) {
  const id = useId();
  const { figures, format } = props;
  return (
    <section className="stat-card" aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      <p className="muted small">{props.description}</p>
      {figures.count === 0 ? (
        <p className="stat-none muted">{props.emptyText}</p>
      ) : (
        <>
          <dl className="stat-figures">
            <div className="stat-main">
              <dt>Median (p50)</dt>
              <dd>{format(figures.p50)}</dd>
            </div>
            <div>
              <dt>p85</dt>
              <dd>{format(figures.p85)}</dd>
            </div>
            <div>
              <dt>p95</dt>
              <dd>{format(figures.p95)}</dd>
            </div>
          </dl>
          <p className="muted small">
            {figures.count} {figures.count === 1 ? props.noun : `${props.noun}s`}
          </p>
        </>
      )}
    </section>
  );
}
