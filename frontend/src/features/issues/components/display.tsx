import type { Label, Schemas } from "../../../shared/api/queries";

export type Priority = Schemas["PriorityEnum"];
export const PRIORITIES: Priority[] = ["urgent", "high", "medium", "low", "none"];

type Person = Schemas["UserSummaryOutput"];

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.[0]?.toUpperCase() ?? "").join("") || "?";
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <span className={`priority priority-${priority}`}>{priority === "none" ? "—" : priority}</span>;
}

export function StateDot({ color }: { color: string }) {
  return <span className="state-dot" style={{ background: color }} aria-hidden="true" />;
}

export function Avatars({ people }: { people: Person[] }) {
  return (
    <span className="avatars">
      {people.map((person) => (
        <span key={person.id} className="avatar" title={person.display_name}>
          {initials(person.display_name)}
        </span>
      ))}
    </span>
  );
}

export function LabelChips({ labels }: { labels: Label[] }) {
  return (
    <span className="chips">
      {labels.map((label) => (
        <span key={label.id} className="chip">
          <span className="state-dot" style={{ background: label.color }} aria-hidden="true" />
          {label.name}
        </span>
      ))}
    </span>
  );
}

export function formatDate(iso: string | null): string {
  if (!iso) return "";
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  // In the interface's language (English), unlike dates: "commented on … vor 5 Minuten" reads
  // badly.
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}
