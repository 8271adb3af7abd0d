import { useState, type FormEvent } from "react";

import { CopyField } from "../../../shared/components/CopyField";
import { formErrors } from "../../../shared/components/States";
import { eventGroups, EVENT_NAMES, type EventName } from "../lib/eventNames";
import { useCreateWebhook } from "../hooks/useWebhookWrites";

const FIELDS = ["url", "event_types", "description"] as const;
const GROUPS = eventGroups();

/** Registers an endpoint; the answer's signing secret is shown here once. */
export function CreateWebhookForm({ slug }: { slug: string }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<Set<EventName>>(() => new Set());
  const create = useCreateWebhook(slug);
  const errors = formErrors(create.error, FIELDS);
  const urlError = errors.field("url");
  const eventsError = errors.field("event_types");
  const descriptionError = errors.field("description");

  function toggle(name: EventName, on: boolean) {
    setEvents((current) => {
      const next = new Set(current);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { url, description, event_types: EVENT_NAMES.filter((name) => events.has(name)) },
      {
        onSuccess: () => {
          setUrl("");
          setDescription("");
          setEvents(new Set());
        },
      },
    );
  }

  return (
    <>
      <form onSubmit={onSubmit} className="webhook-form" aria-label="New webhook endpoint">
        <div className="field">
          <label htmlFor="webhook-url">Receiver URL</label>
          <input
            id="webhook-url"
            type="url"
            required
            maxLength={2000}
            placeholder="https://hooks.example.com/docket"
            value={url}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? "webhook-url-error" : undefined}
            onChange={(event) => setUrl(event.target.value)}
          />
          {urlError && (
            <span id="webhook-url-error" className="field-error">
              {urlError}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="webhook-description">Description</label>
          <input
            id="webhook-description"
            maxLength={200}
            placeholder="What receives these events"
            value={description}
            aria-invalid={descriptionError ? true : undefined}
            onChange={(event) => setDescription(event.target.value)}
          />
          {descriptionError && <span className="field-error">{descriptionError}</span>}
        </div>
        <fieldset className="field webhook-events">
          <legend>
            Events{" "}
            <button
              type="button"
              className="link"
              onClick={() =>
                setEvents(events.size === EVENT_NAMES.length ? new Set() : new Set(EVENT_NAMES))
              }
            >
              {events.size === EVENT_NAMES.length ? "Clear all" : "Select all"}
            </button>
          </legend>
          <div className="webhook-event-groups">
            {GROUPS.map(([subject, names]) => (
              <div key={subject} className="webhook-event-group">
                {names.map((name) => (
                  <label key={name} className="check">
                    <input
                      type="checkbox"
                      checked={events.has(name)}
                      onChange={(event) => toggle(name, event.target.checked)}
                    />
                    <code>{name}</code>
                  </label>
                ))}
              </div>
            ))}
          </div>
          {eventsError && <span className="field-error">{eventsError}</span>}
        </fieldset>
        {errors.general && (
          <p className="field-error" role="alert">
            {errors.general}
          </p>
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          Add endpoint
        </button>
      </form>
      {create.data && (
        <div className="notice invitation-link">
          <p>
            Endpoint {create.data.url} added. Copy its signing secret now: you will not see it
            again.
          </p>
          <CopyField
            id="webhook-secret"
            label="Signing secret"
            value={create.data.secret}
            copyLabel="Copy secret"
          />
        </div>
      )}
    </>
  );
}
