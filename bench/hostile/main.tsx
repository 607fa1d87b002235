/**
 * The hostile-markdown benchmark page: renders each entry of the hostile corpus with the app's own
 * `StreamingMarkdown` (its nesting bound, markup budget, error boundary and all), one-shot and
 * streamed, and times it. `run-hostile.mjs` drives it through `window.__hostile`.
 *
 * A run records every `requestAnimationFrame` timestamp from just before the first render to the
 * first frame after the last one has painted (a MessageChannel task posted from that frame's rAF
 * callback runs after its style, layout and paint). Its time is that post-paint stamp minus the
 * start; its longest frame is the longest gap between consecutive rAF timestamps, which includes any
 * task that blocked the main thread.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { AFTER_HOSTILE, HOSTILE_CORPUS } from '../../src/core/markdown/hostile-corpus';
import { StreamingMarkdown } from '../../src/lib/streaming-markdown';
import '../../src/index.css';

/** What one run measured. */
export interface HostileRun {
  /** From the first render to the paint after the last, in ms. */
  timeMs: number;
  /** The longest gap between animation frames during the run, in ms. */
  longestFrameMs: number;
  frames: number;
  /** The words after the hostile part were shown, and no render error fell back to plain text. */
  isWhole: boolean;
}

const container = document.getElementById('root');
if (container === null) throw new Error('No #root element.');
container.className = 'mx-auto max-w-chat px-4';
const root = createRoot(container);

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const afterPaint = () =>
  new Promise<number>((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    });
  });

/** Renders `steps` (texts, each with whether it is still streaming), one per animation frame. */
async function run(steps: readonly { text: string; isStreaming: boolean }[]): Promise<HostileRun> {
  flushSync(() => root.render(null));
  await nextFrame();
  const stamps: number[] = [];
  let isRecording = true;
  const record = (time: number) => {
    stamps.push(time);
    if (isRecording) requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
  await nextFrame();
  const start = performance.now();
  for (const step of steps) {
    flushSync(() =>
      root.render(<StreamingMarkdown text={step.text} isStreaming={step.isStreaming} />),
    );
    await nextFrame();
  }
  const end = await afterPaint();
  isRecording = false;
  stamps.push(end);
  let longest = 0;
  for (let index = 1; index < stamps.length; index += 1) {
    longest = Math.max(longest, (stamps[index] ?? 0) - (stamps[index - 1] ?? 0));
  }
  const shown = container?.textContent ?? '';
  const isWhole =
    shown.includes(AFTER_HOSTILE) &&
    container?.querySelector('[data-testid="plain-text-fallback"]') === null;
  return { timeMs: end - start, longestFrameMs: longest, frames: stamps.length, isWhole };
}

const api = {
  names: Object.keys(HOSTILE_CORPUS),
  /** The length of entry `name`, in UTF-16 code units. */
  length: (name: string) => HOSTILE_CORPUS[name]?.length ?? 0,
  /** Renders entry `name` once, finished. */
  oneShot: (name: string) => run([{ text: HOSTILE_CORPUS[name] ?? '', isStreaming: false }]),
  /** Renders entry `name` in `parts` growing prefixes, one per frame, then finished. */
  streamed: (name: string, parts: number) => {
    const text = HOSTILE_CORPUS[name] ?? '';
    const steps = Array.from({ length: parts }, (_, index) => ({
      text: text.slice(0, Math.round((text.length * (index + 1)) / parts)),
      isStreaming: true,
    }));
    return run([...steps, { text, isStreaming: false }]);
  },
};

(window as unknown as { __hostile: typeof api }).__hostile = api;
