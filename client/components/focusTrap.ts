/**
 * Keeps Tab inside a modal dialog. A native modal <dialog> makes the page behind it inert, but
 * Chromium still lets Tab run off its last control to the browser's own toolbar (the document's
 * body for the page), so a keyboard user falls out of the dialog. This wraps Tab round: from the
 * last control to the first, and Shift+Tab from the first to the last.
 */
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** A radio group is one tab stop: its checked radio, or its first when none is checked. */
function isRadioStop(radio: HTMLInputElement, container: HTMLElement): boolean {
  if (!radio.name) return true;
  const group = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((other) => other.name === radio.name);
  const checked = group.find((other) => other.checked);
  return checked ? checked === radio : group[0] === radio;
}

function tabbable(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      !element.matches(':disabled') &&
      element.tabIndex >= 0 &&
      element.getClientRects().length > 0 &&
      !element.closest('[inert]') &&
      !(element instanceof HTMLInputElement && element.type === 'radio' && !isRadioStop(element, container)),
  );
}

/** The dialog's onKeyDown: wraps Tab round its controls. */
export function trapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.defaultPrevented) return;
  const controls = tabbable(event.currentTarget);
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && event.currentTarget.contains(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}
