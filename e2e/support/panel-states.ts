import type { Page } from '@playwright/test';

/** One observed combination of a message's status and its thinking panel's `aria-expanded`. */
export interface PanelState {
  status: string;
  expanded: string | null;
}

declare global {
  interface Window {
    __panelStates?: PanelState[];
  }
}

/**
 * Records, in the page, every distinct (status, expanded) pair the newest assistant message goes
 * through, from DOM mutations: no polling, so short phases are never missed.
 */
export async function recordPanelStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const states: PanelState[] = [];
    window.__panelStates = states;
    const record = () => {
      const messages = document.querySelectorAll('[data-testid="assistant-message"]');
      const message = messages[messages.length - 1];
      if (message === undefined) return;
      const status = message.getAttribute('data-status') ?? '';
      const toggle = message.querySelector('[data-testid="reasoning-toggle"]');
      const expanded = toggle?.getAttribute('aria-expanded') ?? null;
      const previous = states[states.length - 1];
      if (previous?.status !== status || previous.expanded !== expanded) {
        states.push({ status, expanded });
      }
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status', 'aria-expanded'],
    });
  });
}

/** The pairs recorded since the page loaded. */
export async function panelStates(page: Page): Promise<PanelState[]> {
  return page.evaluate(() => window.__panelStates ?? []);
}
