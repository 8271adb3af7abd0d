import { useState } from "react";

/** A read-only value shown once (an invitation link, a new token) with a button to copy it. */
export function CopyField(props: { id: string; label: string; value: string; copyLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-row">
      <div className="field">
        <label htmlFor={props.id}>{props.label}</label>
        <input
          id={props.id}
          readOnly
          value={props.value}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(props.value);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? "Copied" : props.copyLabel}
      </button>
    </div>
  );
}
