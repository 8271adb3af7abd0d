/** The pickers of people and labels, each a SearchCombobox asking the server as one types. */
import { labelSearchQuery, memberSearchQuery, type Label, type Member } from "../api/queries";
import { SearchCombobox } from "./SearchCombobox";

export type Person = Member["user"];

type MemberPickerProps = {
  slug: string;
  label: string;
  onChoose: (person: Person) => void;
  /** People not to offer (those already chosen). */
  excludeIds?: readonly string[];
  /** The one person chosen now, for a single-value picker (a project's lead). */
  value?: Person | null;
  onClear?: () => void;
  staysOpen?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
};

export function MemberPicker({ slug, label, onChoose, excludeIds, value, onClear, staysOpen, autoFocus, placeholder }: MemberPickerProps) {
  return (
    <SearchCombobox
      label={label}
      search={(text) => memberSearchQuery(slug, text)}
      keyOf={(member) => member.user.id}
      renderOption={({ user }) => (
        <>
          {user.display_name} <span className="muted">{user.email}</span>
        </>
      )}
      onChoose={(member) => onChoose(member.user)}
      shown={value?.display_name ?? ""}
      placeholder={placeholder ?? "Type a name or email"}
      excludeKeys={excludeIds}
      noneFound="No matching member"
      staysOpen={staysOpen}
      onClear={value ? onClear : undefined}
      autoFocus={autoFocus}
    />
  );
}

type LabelPickerProps = {
  slug: string;
  projectKey: string;
  label: string;
  onChoose: (label: Label) => void;
  excludeIds?: readonly string[];
  value?: Label | null;
  onClear?: () => void;
  staysOpen?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
};

export function LabelPicker({ slug, projectKey, label, onChoose, excludeIds, value, onClear, staysOpen, autoFocus, placeholder }: LabelPickerProps) {
  return (
    <SearchCombobox
      label={label}
      search={(text) => labelSearchQuery(slug, projectKey, text)}
      keyOf={(found) => found.id}
      renderOption={(found) => (
        <>
          <span className="state-dot" style={{ background: found.color }} aria-hidden="true" /> {found.name}
        </>
      )}
      onChoose={onChoose}
      shown={value?.name ?? ""}
      placeholder={placeholder ?? "Type a label"}
      excludeKeys={excludeIds}
      noneFound="No matching label"
      staysOpen={staysOpen}
      onClear={value ? onClear : undefined}
      autoFocus={autoFocus}
    />
  );
}
