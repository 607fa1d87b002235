import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistantMessage } from '../../../core/chat/chat-message';
import {
  createAssistantMessage,
  type AssistantMessageState,
} from '../../../core/stream/assistant-message';
import { replyStats } from '../../../core/stream/reply-stats';
import { loadNavigation } from './navigation-part';
import { ReasoningNavigation } from './ReasoningNavigation';
import { ReasoningPanel } from './ReasoningPanel';
import { MIN_WINDOWED_STEPS } from './ReasoningStepsBody';
import { HEAD_STEPS, TAIL_STEPS } from './step-window';
import { useReasoningNavigation } from './use-reasoning-navigation';

/** A titled trace of `count` steps; step i's body names it "body i". */
function longTrace(count: number, unique?: { step: number; word: string }): string {
  let text = '';
  for (let index = 0; index < count; index += 1) {
    const extra = unique?.step === index ? ` ${unique.word}` : '';
    text += `**Step title ${index}**\n\nThis is body ${index} of the trace.${extra}\n\n`;
  }
  return text;
}

function message(state: Partial<AssistantMessageState>): AssistantMessage {
  return {
    id: 'a1',
    parentId: 'u1',
    createdAt: 0,
    role: 'assistant',
    model: 'm',
    providerName: 'p',
    state: { ...createAssistantMessage(), ...state },
  };
}

function Harness({ reply }: { reply: AssistantMessage }) {
  const view = useReasoningNavigation(reply, replyStats(reply.state, 0), undefined);
  return (
    <ReasoningPanel.Root
      isThinking={reply.state.status === 'reasoning'}
      isOpenByDefault
      timing={reply.state.timing}
    >
      <ReasoningPanel.Trigger />
      <ReasoningNavigation view={view} text={reply.state.reasoning} />
    </ReasoningPanel.Root>
  );
}

/** An `IntersectionObserver` whose reports the test makes. */
class FakeObserver {
  static last: FakeObserver | undefined;
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /** Reports steps by index as near the view (`true`) or far from it. */
  report(near: Record<number, boolean>) {
    const entries = Object.entries(near).map(([index, isIntersecting]) => ({
      target: step(Number(index)),
      isIntersecting,
      boundingClientRect: { height: 50 } as DOMRectReadOnly,
    }));
    act(() =>
      this.callback(
        entries as unknown as IntersectionObserverEntry[],
        this as unknown as IntersectionObserver,
      ),
    );
  }
}

function step(index: number): HTMLElement {
  return document.querySelector(`[data-testid="reasoning-step"][data-step-index="${index}"]`)!;
}

/** The indices of the steps that have content (not placeholders). */
function mounted(): number[] {
  return screen
    .getAllByTestId('reasoning-step')
    .filter((element) => !element.hasAttribute('data-placeholder'))
    .map((element) => Number(element.dataset.stepIndex));
}

beforeAll(async () => {
  await loadNavigation();
});
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  vi.unstubAllGlobals();
  // @ts-expect-error jsdom has no scrollIntoView; the stub goes again.
  delete Element.prototype.scrollIntoView;
});

const COUNT = 80;
const head = Array.from({ length: HEAD_STEPS }, (_, index) => index);
const tail = Array.from({ length: TAIL_STEPS }, (_, index) => COUNT - TAIL_STEPS + index);

describe('a long trace mounts only the steps near the view', () => {
  it('keeps every step in place but gives content only to the first and last ones, then to those reported near', () => {
    render(<Harness reply={message({ status: 'done', reasoning: longTrace(COUNT) })} />);
    expect(screen.getAllByTestId('reasoning-step')).toHaveLength(COUNT);
    expect(mounted()).toEqual([...head, ...tail]);
    expect(step(40)).toBeEmptyDOMElement();
    expect(step(40).style.height).toMatch(/^\d+px$/);
    expect(FakeObserver.last!.targets.size).toBe(COUNT);

    FakeObserver.last!.report({ 0: false, 1: false, 40: true, 41: true });
    expect(mounted()).toEqual([...head.slice(2), 40, 41, ...tail]);
    expect(step(40)).toHaveTextContent('This is body 40 of the trace.');
    // A step leaving keeps the height it had.
    FakeObserver.last!.report({ 40: false });
    expect(step(40)).toBeEmptyDOMElement();
    expect(step(40).style.height).toBe('50px');
  });

  it('mounts every step of a shorter trace', () => {
    const count = MIN_WINDOWED_STEPS - 1;
    render(<Harness reply={message({ status: 'done', reasoning: longTrace(count) })} />);
    FakeObserver.last!.report({ 0: false });
    expect(mounted()).toEqual(Array.from({ length: count }, (_, index) => index));
  });

  it('mounts the step an outline jump goes to before scrolling to it and focusing it', () => {
    render(<Harness reply={message({ status: 'done', reasoning: longTrace(COUNT) })} />);
    expect(step(50)).toBeEmptyDOMElement();
    const items = within(screen.getByTestId('reasoning-outline')).getAllByTestId(
      'reasoning-outline-item',
    );
    expect(items).toHaveLength(COUNT);
    const scrolled = vi.fn(function (this: Element) {
      expect(this).toHaveTextContent('This is body 50');
    });
    Element.prototype.scrollIntoView = scrolled;
    fireEvent.click(items[50]!);
    expect(step(50)).toHaveTextContent('This is body 50 of the trace.');
    expect(step(50)).toHaveFocus();
    expect(scrolled).toHaveBeenCalledOnce();
    expect(mounted()).toEqual([...head, 50, ...tail]);
  });

  it('counts matches in steps that are not mounted and mounts the one moved to, marked', async () => {
    render(
      <Harness
        reply={message({
          status: 'done',
          reasoning: longTrace(COUNT, { step: 60, word: 'zebra' }),
        })}
      />,
    );
    const box = screen.getByRole('searchbox', { name: 'Search reasoning' });
    await act(async () => {
      fireEvent.change(box, { target: { value: 'title 3' } });
    });
    // "title 3" and "title 30" to "title 39": steps 30 to 39 are not mounted.
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('1 of 11');
    expect(document.querySelectorAll('mark')).toHaveLength(1);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('2 of 11');
    expect(step(30).querySelector('mark[data-active]')).toHaveTextContent('title 3');
    expect(mounted()).toEqual([...head, 30, ...tail]);

    await act(async () => {
      fireEvent.change(box, { target: { value: 'ZEBRA' } });
    });
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('1 of 1');
    expect(step(60).querySelector('mark[data-active]')).toHaveTextContent('zebra');
    expect(step(30)).toBeEmptyDOMElement();
  });

  it('mounts only the first and last steps of a trace that grew while the panel was folded', () => {
    const text = longTrace(COUNT);
    const { rerender } = render(
      <Harness reply={message({ status: 'reasoning', reasoning: text.slice(0, 80) })} />,
    );
    fireEvent.click(screen.getByTestId('reasoning-toggle'));
    rerender(<Harness reply={message({ status: 'done', reasoning: text })} />);
    fireEvent.click(screen.getByTestId('reasoning-toggle'));
    expect(mounted()).toEqual([...head, ...tail]);
  });

  it('mounts steps that stream in after the body while the reader follows them', () => {
    const text = longTrace(COUNT);
    const { rerender } = render(
      <Harness reply={message({ status: 'reasoning', reasoning: text })} />,
    );
    const more = `${text}**Step title ${COUNT}**\n\nThis is body ${COUNT}.\n\n**Last**\n\nNew`;
    rerender(<Harness reply={message({ status: 'reasoning', reasoning: more })} />);
    expect(mounted()).toEqual([...head, ...tail, COUNT, COUNT + 1]);
    FakeObserver.last!.report({ [COUNT]: false });
    expect(mounted()).toEqual([...head, ...tail, COUNT + 1]);
  });
});
