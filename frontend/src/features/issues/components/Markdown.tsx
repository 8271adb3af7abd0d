import DOMPurify from "dompurify";
import { marked } from "marked";
import { useMemo } from "react";

/** Markdown from users, rendered to HTML and sanitized before it reaches the DOM. */
export function Markdown({ text, className = "markdown" }: { text: string; className?: string }) {
  const html = useMemo(
    () => DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true, breaks: true })),
    [text],
  );
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
