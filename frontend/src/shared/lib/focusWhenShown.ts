/**
 * Focuses the element `selector` finds as soon as it is on screen (a panel that is opening),
 * giving up after `ms`. For shortcuts that open something and then put the cursor in it.
 */
export function focusWhenShown(selector: string, ms = 5_000): void {
  const now = document.querySelector<HTMLElement>(selector);
  if (now) {
    now.focus();
    return;
  }
  const observer = new MutationObserver(() => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return;
    observer.disconnect();
    element.focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), ms);
}
