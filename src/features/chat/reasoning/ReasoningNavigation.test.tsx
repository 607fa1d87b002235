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
import { useReasoningNavigation } from './use-reasoning-navigation';

const TITLED =
  '**Reading the question**\n\nThe sum modulo 7.\n\n**Checking the remainder mod 7**\n\nThe remainder is 3, remainder again.\n\n**Writing the answer**\n\nRemainder: 3.\n';

function message(
  state: Partial<AssistantMessageState>,
  body?: Record<string, unknown>,
): AssistantMessage {
  return {
    id: 'a1',
    parentId: 'u1',
    createdAt: 0,
    role: 'assistant',
    model: 'm',
    providerName: 'p',
    state: { ...createAssistantMessage(), ...state },
    request: body === undefined ? undefined : { url: 'u', headers: {}, body },
  };
}

function Harness({ reply, onStop }: { reply: AssistantMessage; onStop?: () => void }) {
  const view = useReasoningNavigation(reply, replyStats(reply.state, 0), onStop);
  return (
    <ReasoningPanel.Root
      isThinking={reply.state.status === 'reasoning'}
      isOpenByDefault
      timing={reply.state.timing}
    >
      <ReasoningPanel.Trigger
        current={view.runtime && <view.runtime.CurrentStepTitle title={view.state?.currentTitle} />}
      />
      <ReasoningNavigation view={view} text={reply.state.reasoning} />
    </ReasoningPanel.Root>
  );
}

beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  // @ts-expect-error jsdom has no scrollIntoView; the stub goes again.
  delete Element.prototype.scrollIntoView;
});

describe('the panel body (issue 13)', () => {
  it('shows the trace as text at once, then steps, outline and search once they download', async () => {
    render(<Harness reply={message({ status: 'done', reasoning: TITLED })} />);
    expect(screen.getByTestId('reasoning')).toHaveTextContent('The sum modulo 7.');
    expect(screen.queryByTestId('reasoning-step')).toBeNull();
    expect(await screen.findAllByTestId('reasoning-step')).toHaveLength(3);
    expect(screen.getByRole('searchbox', { name: 'Search reasoning' })).toBeInTheDocument();
  });
});

describe('the header while thinking', () => {
  beforeAll(async () => {
    await loadNavigation();
  });

  it('names the step being written and follows new steps, then stops once the answer starts', () => {
    const half = TITLED.indexOf('**Writing');
    const { rerender } = render(
      <Harness reply={message({ status: 'reasoning', reasoning: TITLED.slice(0, half) })} />,
    );
    expect(screen.getByTestId('reasoning-current-step')).toHaveTextContent(
      'Checking the remainder mod 7',
    );
    rerender(<Harness reply={message({ status: 'reasoning', reasoning: TITLED })} />);
    expect(screen.getByTestId('reasoning-current-step')).toHaveTextContent('Writing the answer');
    rerender(<Harness reply={message({ status: 'answering', reasoning: TITLED, answer: '3' })} />);
    expect(screen.queryByTestId('reasoning-current-step')).toBeNull();
  });
});

describe('the outline', () => {
  beforeAll(async () => {
    await loadNavigation();
  });

  it('lists every step with its duration and jumps to it, focused', () => {
    const second = TITLED.indexOf('**Checking');
    const third = TITLED.indexOf('**Writing');
    const arrivals = [0, 1000, second - 1, 5000, second, 5100, third - 1, 7100, third, 7200];
    render(
      <Harness
        reply={message({ status: 'done', reasoning: TITLED, reasoningArrivals: arrivals })}
      />,
    );
    const items = within(screen.getByTestId('reasoning-outline')).getAllByTestId(
      'reasoning-outline-item',
    );
    expect(
      items.map(
        (item) => item.querySelector('[data-testid="reasoning-outline-title"]')?.textContent,
      ),
    ).toEqual(['Reading the question', 'Checking the remainder mod 7', 'Writing the answer']);
    expect(items.map((item) => item.getAttribute('data-duration-ms'))).toEqual([
      '4000',
      '2000',
      '0',
    ]);
    expect(items[0]).toHaveTextContent('4 s');
    fireEvent.click(items[1]!);
    const step = screen.getAllByTestId('reasoning-step')[1]!;
    expect(step).toHaveAttribute('data-step-index', '1');
    expect(step).toHaveFocus();
    expect(step.scrollIntoView).toHaveBeenCalled();
    expect(step).toHaveTextContent('The remainder is 3');
  });

  it('is not shown for fewer than three steps', () => {
    render(
      <Harness reply={message({ status: 'done', reasoning: '**One**\n\nx\n\n**Two**\n\ny\n' })} />,
    );
    expect(screen.queryByTestId('reasoning-outline')).toBeNull();
    expect(screen.getAllByTestId('reasoning-step')).toHaveLength(2);
  });
});

describe('search', () => {
  beforeAll(async () => {
    await loadNavigation();
  });

  it('counts matches over the whole trace, moves with Enter and Shift+Enter, and marks them', async () => {
    render(<Harness reply={message({ status: 'done', reasoning: TITLED })} />);
    const box = screen.getByRole('searchbox', { name: 'Search reasoning' });
    await act(async () => {
      fireEvent.change(box, { target: { value: 'REMAINDER' } });
    });
    const count = screen.getByTestId('reasoning-search-count');
    expect(count).toHaveTextContent('1 of 4');
    const marks = document.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual([
      'remainder',
      'remainder',
      'remainder',
      'Remainder',
    ]);
    expect(marks[0]).toHaveAttribute('data-active', 'true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(count).toHaveTextContent('2 of 4');
    expect(document.querySelectorAll('mark')[1]).toHaveAttribute('data-active', 'true');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(count).toHaveTextContent('4 of 4');
    await act(async () => {
      fireEvent.change(box, { target: { value: 'zebra' } });
    });
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('No matches');
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });

  it('moves over the matches that streamed in since the last move, wrapping around', async () => {
    const streaming = (reasoning: string) => (
      <Harness reply={message({ status: 'reasoning', reasoning })} />
    );
    const { rerender } = render(streaming(TITLED));
    const box = screen.getByRole('searchbox', { name: 'Search reasoning' });
    await act(async () => {
      fireEvent.change(box, { target: { value: 'remainder' } });
    });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('4 of 4');
    rerender(streaming(`${TITLED}\nOne more remainder.`));
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('4 of 5');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('5 of 5');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByTestId('reasoning-search-count')).toHaveTextContent('1 of 5');
  });

  it('leaves the search box untouched while new reasoning streams in', async () => {
    const streaming = (reasoning: string) => (
      <Harness reply={message({ status: 'reasoning', reasoning })} />
    );
    const { rerender } = render(streaming(TITLED));
    const box = screen.getByRole('searchbox', { name: 'Search reasoning' });
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(box.parentElement!, { subtree: true, attributes: true, childList: true });
    rerender(streaming(`${TITLED}More thought.`));
    rerender(streaming(`${TITLED}More thought, and more.`));
    await Promise.resolve();
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(changes.map((record) => record.attributeName ?? record.type)).toEqual([]);
  });
});

describe('the loop alarm and the budget', () => {
  beforeAll(async () => {
    await loadNavigation();
  });

  const loop = `Okay, start.\n\n${'Let me check the remainder of the sum divided by seven once more.\n\n'.repeat(6)}`;

  it('says the model repeats itself, with Stop while streaming', () => {
    const onStop = vi.fn();
    render(<Harness reply={message({ status: 'reasoning', reasoning: loop })} onStop={onStop} />);
    const notice = screen.getByTestId('reasoning-repetition');
    expect(notice).toHaveTextContent('The model seems to be repeating itself');
    fireEvent.click(within(notice).getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledOnce();
  });

  it('stays after the reply ended, without Stop, and never shows for a healthy trace', () => {
    const { rerender } = render(<Harness reply={message({ status: 'done', reasoning: loop })} />);
    expect(within(screen.getByTestId('reasoning-repetition')).queryByRole('button')).toBeNull();
    rerender(<Harness reply={message({ status: 'done', reasoning: TITLED + 'x' })} />);
    expect(screen.queryByTestId('reasoning-repetition')).toBeNull();
  });

  it('reads out the thinking budget while the reply streams', () => {
    const body = { max_tokens: 16_000, thinking: { type: 'enabled', budget_tokens: 8_000 } };
    render(
      <Harness
        reply={message({ status: 'reasoning', reasoning: 'x'.repeat(4000) }, body)}
        onStop={() => {}}
      />,
    );
    expect(screen.getByTestId('reasoning-budget')).toHaveTextContent('1,000 / 8,000 tokens');
    expect(screen.getByRole('meter', { name: 'Thinking budget' })).toHaveAttribute(
      'aria-valuenow',
      '1000',
    );
  });
});
