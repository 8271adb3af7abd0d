import { issueSearchQuery, type IssueListItem } from "../../../shared/api/queries";
import { SearchCombobox } from "../../../shared/components/SearchCombobox";

type Props = {
  slug: string;
  projectKey: string;
  label: string;
  /** The issue chosen now, shown when the box is not being typed in. */
  value: { id: string; key: string; title: string } | null;
  /** Issues that may not be chosen (the issue itself). */
  excludeIds?: string[];
  onChange: (issue: IssueListItem | null) => void;
};

/** The issue combobox (a parent): by words or by key, ten at a time, from the server. */
export function IssuePicker({ slug, projectKey, label, value, excludeIds = [], onChange }: Props) {
  return (
    <SearchCombobox
      label={label}
      search={(text) => issueSearchQuery(slug, projectKey, text)}
      keyOf={(issue) => issue.id}
      renderOption={(issue) => (
        <>
          <span className="cell-key">{issue.key}</span> {issue.title}
        </>
      )}
      onChoose={onChange}
      shown={value ? `${value.key} ${value.title}` : ""}
      placeholder="None — type a key or words"
      excludeKeys={excludeIds}
      noneFound="No matching issue"
      onClear={value ? () => onChange(null) : undefined}
    />
  );
}
