import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";

import { relationsQuery, type IssueRelation, type RelationKind } from "../../../shared/api/queries";
import { ErrorState, errorMessage } from "../../../shared/components/States";
import type { IssueScope } from "../hooks/useCommentWrites";
import { useAddRelation, useRemoveRelation } from "../hooks/useRelationWrites";

/** The kinds in the order the panel shows them, each named as it reads from this issue. */
export const RELATION_KINDS: { kind: RelationKind; label: string }[] = [
  { kind: "blocks", label: "Blocks" },
  { kind: "blocked_by", label: "Blocked by" },
  { kind: "duplicates", label: "Duplicate of" },
  { kind: "duplicated_by", label: "Duplicated by" },
  { kind: "relates", label: "Related to" },
];

function RelationItem({ scope, relation }: { scope: IssueScope; relation: IssueRelation }) {
  const other = relation.issue;
  const remove = useRemoveRelation(scope, other.key);
  return (
    <li className="relation">
      <Link to={`/w/${scope.slug}/i/${other.key}`} title={other.title}>
        {other.key}
      </Link>{" "}
      <span className={other.completed_at ? "muted done" : "muted"}>{other.state.name}</span>{" "}
      <button
        type="button"
        className="link danger"
        aria-label={`Remove relation to ${other.key}`}
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
      >
        Remove
      </button>
      {remove.error && (
        <p className="field-error" role="alert">
          {errorMessage(remove.error)}
        </p>
      )}
    </li>
  );
}

function RelationComposer({ scope }: { scope: IssueScope }) {
  const [otherKey, setOtherKey] = useState("");
  const [kind, setKind] = useState<RelationKind>("relates");
  const add = useAddRelation(scope);
  const idPrefix = `relation-${scope.issueKey}`;
  return (
    <form
      className="relation-composer"
      onSubmit={(event) => {
        event.preventDefault();
        const key = otherKey.trim().toUpperCase();
        if (key) add.mutate({ otherKey: key, kind }, { onSuccess: () => setOtherKey("") });
      }}
    >
      <label htmlFor={`${idPrefix}-type`} className="visually-hidden">
        Relation
      </label>
      <select
        id={`${idPrefix}-type`}
        value={kind}
        onChange={(event) => setKind(event.target.value as RelationKind)}
      >
        {RELATION_KINDS.map(({ kind: value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-key`} className="visually-hidden">
        Issue key
      </label>
      <input
        id={`${idPrefix}-key`}
        placeholder="ENG-42"
        value={otherKey}
        onChange={(event) => setOtherKey(event.target.value)}
      />
      <button type="submit" disabled={add.isPending || !otherKey.trim()}>
        Add
      </button>
      {add.error && (
        <p className="field-error" role="alert">
          {errorMessage(add.error)}
        </p>
      )}
    </form>
  );
}

/** The side panel's relations: grouped by kind, each removable, and a form to add one. */
export function IssueRelations({ slug, issueKey }: IssueScope) {
  const relations = useQuery(relationsQuery(slug, issueKey));
  const scope = { slug, issueKey };
  const all = relations.data ?? [];
  return (
    <section className="prop issue-relations" aria-label="Relations">
      <h3 className="prop-heading">Relations</h3>
      {relations.error && !relations.data && <ErrorState error={relations.error} />}
      {relations.data && all.length === 0 && <span className="muted">No relations</span>}
      {RELATION_KINDS.map(({ kind, label }) => {
        const group = all.filter((relation) => relation.type === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="relation-group">
            <h4>{label}</h4>
            <ul>
              {group.map((relation) => (
                <RelationItem key={relation.issue.id} scope={scope} relation={relation} />
              ))}
            </ul>
          </div>
        );
      })}
      <RelationComposer scope={scope} />
    </section>
  );
}
