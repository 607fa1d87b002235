import type { Page } from '@playwright/test';

/** What {@link sampleNewestLine} saw. */
export interface FollowSamples {
  /** Samples taken while the newest reply was reasoning with its panel open. */
  total: number;
  /** Samples in which the newest reasoning line was inside both the panel's and the page's view. */
  visible: number;
  /** Reasoning characters rendered at the last sample (to check the stream was under way). */
  chars: number;
}

/** One look at the page: the newest reply's status and, while it reasons, whether its newest line shows. */
interface Look {
  status: string | null;
  visible?: boolean;
  chars?: number;
  /** Where the newest line was when it was out of view. */
  detail?: string;
}

/**
 * Whether the newest line of the newest reply's open Thinking panel is in view: its last
 * character's box inside the panel's scrolling body and inside the message list. Runs in the page.
 */
function look(): Look {
  const messages = document.querySelectorAll('[data-testid="assistant-message"]');
  const message = messages[messages.length - 1];
  if (message === undefined) return { status: null };
  const status = message.getAttribute('data-status');
  const panel = message.querySelector('[data-testid="reasoning"]');
  const list = document.querySelector('[data-testid="message-list"]');
  if (status !== 'reasoning' || panel === null || list === null) return { status };
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if ((node as Text).data.trim() !== '') last = node as Text;
  }
  if (last === undefined) return { status };
  const end = last.data.trimEnd().length;
  const range = document.createRange();
  range.setStart(last, end - 1);
  range.setEnd(last, end);
  const box = range.getBoundingClientRect();
  const inside = (frame: DOMRect) => box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
  const panelBox = panel.getBoundingClientRect();
  const listBox = list.getBoundingClientRect();
  const visible = inside(panelBox) && inside(listBox);
  const at = (frame: DOMRect) => `${Math.round(box.bottom - frame.bottom)} px below`;
  return {
    status,
    visible,
    chars: (panel.textContent ?? '').length,
    detail: visible ? undefined : `panel ${at(panelBox)}, list ${at(listBox)}`,
  };
}

/**
 * Samples, every `everyMs` between frames (a task in the page), whether the newest reasoning line
 * is in view as painted (see {@link look}; a miss is looked at again after the next frame), from the first reasoning sample until the reply leaves
 * `reasoning`. Call before sending; await the returned function for the counts.
 */
export async function sampleNewestLine(
  page: Page,
  everyMs = 100,
): Promise<() => Promise<FollowSamples & { misses: string[] }>> {
  await page.evaluate(
    ({ interval, lookSource }) => {
      const lookInPage = new Function(`return (${lookSource})();`) as () => Look;
      const state = { total: 0, visible: 0, chars: 0, misses: [] as string[], done: false };
      (window as unknown as { __follow: typeof state }).__follow = state;
      // A user-blocking task, so a main thread saturated by the stream still runs the samples.
      const later = (callback: () => void) =>
        (
          globalThis as unknown as {
            scheduler: { postTask: (cb: () => void, o: object) => Promise<void> };
          }
        ).scheduler.postTask(callback, { priority: 'user-blocking', delay: interval });
      const sample = () => {
        const seen = lookInPage();
        if (seen.visible === undefined) {
          if (state.total > 0 && seen.status !== 'reasoning') state.done = true;
          else void later(sample);
          return;
        }
        state.total += 1;
        state.chars = seen.chars ?? 0;
        if (seen.visible) {
          state.visible += 1;
          void later(sample);
          return;
        }
        // Text committed in this task (a phase change publishes at once) is scrolled to after the
        // next layout, before it is painted: look again once the next frame has been rendered.
        requestAnimationFrame(() =>
          setTimeout(() => {
            const again = lookInPage();
            if (again.visible === true) state.visible += 1;
            else state.misses.push(again.detail ?? seen.detail ?? '');
            void later(sample);
          }),
        );
      };
      void later(sample);
    },
    { interval: everyMs, lookSource: look.toString() },
  );
  return async () => {
    await page.waitForFunction(
      () => (window as unknown as { __follow: { done: boolean } }).__follow.done,
      undefined,
      { timeout: 60_000 },
    );
    return page.evaluate(() => {
      const { total, visible, chars, misses } = (
        window as unknown as { __follow: FollowSamples & { misses: string[] } }
      ).__follow;
      return { total, visible, chars, misses };
    });
  };
}
