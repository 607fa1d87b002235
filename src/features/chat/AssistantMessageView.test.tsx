import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssistantMessage } from '../../core/chat/chat-message';
import {
  createAssistantMessage,
  type AssistantMessageState,
} from '../../core/stream/assistant-message';
import { AssistantMessageView } from './AssistantMessageView';
import type { MessageActions } from './message-actions';

const START = Date.UTC(2026, 0, 15, 9, 0, 0);

const noop = () => undefined;

/** The view with no-op actions unless a test passes its own. */
function View({
  message,
  onRetry = noop,
  onStop = noop,
  onContinue = noop,
  onOpenSettings = noop,
}: {
  message: AssistantMessage;
  onRetry?: (id: string) => void;
  onStop?: () => void;
  onContinue?: (id: string) => void;
  onOpenSettings?: () => void;
}) {
  // Keeps the person's panel choice the way the chat session does.
  const [isReasoningOpen, setReasoningOpen] = useState<boolean>();
  const actions: MessageActions = {
    regenerate: onRetry,
    continueReply: onContinue,
    stop: onStop,
    selectVersion: noop,
    setReasoningOpen: (_id, isOpen) => setReasoningOpen(isOpen),
    edit: noop,
    share: noop,
    openSettings: onOpenSettings,
  };
  return (
    <AssistantMessageView
      message={isReasoningOpen === undefined ? message : { ...message, isReasoningOpen }}
      versionIds={[message.id]}
      versionIndex={0}
      actions={actions}
      reasoningPolicy="auto"
      isBusy={false}
    />
  );
}

function message(state: Partial<AssistantMessageState>): AssistantMessage {
  return {
    id: 'a1',
    parentId: null,
    createdAt: 0,
    role: 'assistant',
    model: 'thinker-1',
    providerName: 'Test provider',
    state: { ...createAssistantMessage(), ...state },
  };
}

function done(answer: string, extra: Partial<AssistantMessageState> = {}): AssistantMessage {
  return message({
    answer,
    status: 'done',
    finishReason: 'stop',
    sawDone: true,
    timing: { requestSentAt: START, firstAnswerAt: START + 100, endedAt: START + 200 },
    ...extra,
  });
}

function article(): HTMLElement {
  return screen.getByRole('article', { name: 'Assistant message' });
}

function answer(): HTMLElement {
  return screen.getByTestId('answer');
}

function panelHeader(): HTMLElement {
  return screen.getByRole('button', { name: /Thinking…|Thought for/ });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AssistantMessageView', () => {
  it('shows no thinking panel when there is no reasoning', () => {
    render(<View message={done('Four.')} />);
    expect(screen.queryByTestId('reasoning-toggle')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Thinking…|Thought for/ })).not.toBeInTheDocument();
    expect(answer()).toHaveTextContent('Four.');
  });

  it.each(['waiting', 'reasoning', 'answering', 'done', 'stopped', 'truncated', 'error'] as const)(
    'exposes status %s as data-status',
    (status) => {
      render(<View message={message({ status, reasoning: 'r', answer: 'a' })} />);
      expect(article()).toHaveAttribute('data-status', status);
    },
  );

  it('says which model it waits for, and is busy while streaming', () => {
    render(<View message={message({ timing: { requestSentAt: START } })} />);
    expect(answer()).toHaveTextContent('Waiting for thinker-1…');
    expect(article()).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('button', { name: 'Copy answer' })).not.toBeInTheDocument();
  });

  it('shows the model, provider, usage and a copy button once done', () => {
    render(
      <View
        message={done('Four.', { usage: { completionTokens: 1234, reasoningTokens: 1000 } })}
      />,
    );
    expect(article()).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByText('thinker-1 · Test provider')).toBeInTheDocument();
    expect(screen.getByText(/1,000 reasoning tokens/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy answer' })).toBeInTheDocument();
  });

  it('marks counts estimated from the text until usage arrives', () => {
    // Regression (issue 11): the folded header's ~343 became 429 without saying it was an estimate.
    const streaming = message({ status: 'answering', reasoning: 'x'.repeat(400), answer: 'So' });
    const { rerender } = render(<View message={streaming} />);
    expect(screen.getByTestId('reasoning-toggle')).toHaveTextContent('~100 tokens (estimate)');
    expect(screen.getByText('~100 reasoning tokens')).toHaveAttribute(
      'title',
      expect.stringContaining('Estimated'),
    );

    rerender(
      <View
        message={done('So', {
          reasoning: 'x'.repeat(400),
          usage: { completionTokens: 140, reasoningTokens: 129 },
        })}
      />,
    );
    expect(screen.getByTestId('reasoning-toggle')).toHaveTextContent('129 tokens');
    expect(screen.getByTestId('reasoning-toggle')).not.toHaveTextContent('estimate');
  });

  it('says "Stopped by you." for a stopped reply', () => {
    render(<View message={message({ status: 'stopped', answer: 'Half an' })} />);
    expect(screen.getByText('Stopped by you.')).toBeInTheDocument();
    expect(answer()).toHaveTextContent('Half an');
  });

  it('says it was cut off at max tokens for a truncated reply', () => {
    const { rerender } = render(
      <View
        message={message({
          status: 'truncated',
          answer: 'The list: 1, 2,',
          finishReason: 'length',
        })}
      />,
    );
    expect(screen.getByText('Cut off at max tokens.')).toBeInTheDocument();

    rerender(
      <View
        message={message({ status: 'truncated', reasoning: 'Hmm…', finishReason: 'length' })}
      />,
    );
    expect(screen.getByText(/Cut off at max tokens while thinking/)).toBeInTheDocument();
  });

  it('shows an HTTP error with its status and the provider message', () => {
    render(
      <View
        message={message({
          status: 'error',
          error: { kind: 'http', status: 401, message: 'Incorrect API key provided.' },
        })}
      />,
    );
    const error = screen.getByTestId('message-error');
    expect(error).toHaveTextContent('HTTP 401');
    expect(error).toHaveTextContent('Incorrect API key provided.');
    expect(screen.getByRole('alert')).toBe(error);
  });

  // Issue 11: a 401 offered no way to Settings.
  it('says which setting to check for a 401 and offers Open Settings; not for a 500', () => {
    const onOpenSettings = vi.fn();
    const { rerender } = render(
      <View
        message={message({
          status: 'error',
          error: { kind: 'http', status: 401, message: 'Incorrect API key provided.' },
        })}
        onOpenSettings={onOpenSettings}
      />,
    );
    expect(screen.getByTestId('message-error')).toHaveTextContent(
      'Provider error (HTTP 401): Incorrect API key provided. Check the API key in Settings.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();

    rerender(
      <View
        message={message({
          status: 'error',
          error: { kind: 'http', status: 500, message: 'Boom' },
        })}
        onOpenSettings={onOpenSettings}
      />,
    );
    expect(screen.getByTestId('message-error')).toHaveTextContent(
      'Provider error (HTTP 500): Boom',
    );
    expect(screen.queryByRole('button', { name: 'Open Settings' })).toBeNull();
  });

  it('shows a network error with the partial answer kept', () => {
    render(
      <View
        message={message({
          status: 'error',
          answer: 'So far',
          error: { kind: 'network', message: 'Connection lost (Failed to fetch).' },
        })}
      />,
    );
    expect(screen.getByTestId('message-error')).toHaveTextContent(
      'Connection lost (Failed to fetch).',
    );
    expect(answer()).toHaveTextContent('So far');
  });

  it('offers Retry for a failed or interrupted reply and Regenerate otherwise', () => {
    const onRetry = vi.fn();
    const { rerender } = render(
      <View message={message({ status: 'interrupted', answer: 'Half' })} onRetry={onRetry} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledExactlyOnceWith('a1');

    rerender(<View message={done('Four.')} onRetry={onRetry} />);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('offers Continue for a reply cut off at max tokens', () => {
    const onContinue = vi.fn();
    render(
      <View
        message={message({ status: 'truncated', answer: 'Half', finishReason: 'length' })}
        onContinue={onContinue}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onContinue).toHaveBeenCalledExactlyOnceWith('a1');
  });

  it('tells when a streaming reply stalled, with Retry and Stop', () => {
    const onRetry = vi.fn();
    const onStop = vi.fn();
    render(
      <View
        message={message({
          status: 'reasoning',
          reasoning: 'Try 7.',
          stalledAt: START,
          timing: { requestSentAt: START - 31_000, firstReasoningAt: START - 30_000 },
        })}
        onRetry={onRetry}
        onStop={onStop}
      />,
    );
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent(/No data for \d+ s/);
    fireEvent.click(within(notice).getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    fireEvent.click(within(notice).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledExactlyOnceWith('a1');
  });

  describe('markdown answer', () => {
    it('renders a GFM table', () => {
      render(
        <View
          message={done('| Engine | Size |\n| --- | --- |\n| SQLite | small |\n| Postgres | big |')}
        />,
      );
      const table = within(answer()).getByRole('table');
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((cell) => cell.textContent),
      ).toEqual(['Engine', 'Size']);
      expect(within(table).getByRole('cell', { name: 'SQLite' })).toBeInTheDocument();
      expect(within(table).getAllByRole('row')).toHaveLength(3);
    });

    it('renders a fenced code block with its language and a Copy code button', () => {
      render(<View message={done('Here:\n\n```ts\nconst x = 1;\n```\n')} />);
      const code = answer().querySelector('pre code');
      expect(code).toHaveTextContent('const x = 1;');
      expect(code).toHaveClass('language-ts');
      expect(within(answer()).getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
      expect(within(answer()).getByText('ts')).toBeInTheDocument();
    });

    it('shows raw HTML as text and creates no element from it', () => {
      const { container } = render(
        <View
          message={done(
            'Look: <img src=x onerror=alert(1)> done\n\n<script>alert(2)</script>\n\n<iframe src="https://evil.example"></iframe>',
          )}
        />,
      );
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('script')).toBeNull();
      expect(container.querySelector('iframe')).toBeNull();
      expect(container.querySelector('[onerror]')).toBeNull();
      expect(answer()).toHaveTextContent('Look: <img src=x onerror=alert(1)> done');
      expect(answer()).toHaveTextContent('<script>alert(2)</script>');
    });

    it.each([
      '[click me](javascript:alert(1))',
      '[click me](JaVaScRiPt:alert(1))',
      '[click me](&#106;avascript:alert(1))',
      '[click me](vbscript:msgbox(1))',
      '[click me][ref]\n\n[ref]: javascript:alert(1)',
    ])('renders %j without a script href', (markdown) => {
      const { container } = render(<View message={done(markdown)} />);
      expect(screen.getByText('click me')).toBeInTheDocument();
      for (const link of container.querySelectorAll('a')) {
        expect(link.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|vbscript):/i);
      }
      expect(within(answer()).queryByRole('link', { name: 'click me' })).toBeNull();
    });

    it('keeps safe links, opening in a new tab without referrer', () => {
      render(<View message={done('[docs](https://example.com/docs)')} />);
      const link = within(answer()).getByRole('link', { name: 'docs' });
      expect(link).toHaveAttribute('href', 'https://example.com/docs');
      expect(link).toHaveAttribute('target', '_blank');
      expect(link.getAttribute('rel')).toContain('noreferrer');
    });

    it('renders an image as a link, never as an img element', () => {
      const { container } = render(
        <View message={done('![a cat](https://example.com/cat.png)')} />,
      );
      expect(container.querySelector('img')).toBeNull();
      const link = within(answer()).getByRole('link', { name: 'Image: a cat' });
      expect(link).toHaveAttribute('href', 'https://example.com/cat.png');
    });
  });

  describe('thinking panel', () => {
    const reasoning = (text: string): AssistantMessage =>
      message({
        status: 'reasoning',
        reasoning: text,
        timing: { requestSentAt: START - 200, firstReasoningAt: START },
      });

    it('is open while thinking and folds once the answer starts', () => {
      const { rerender } = render(<View message={reasoning('Try 7.')} />);
      expect(panelHeader()).toHaveAttribute('aria-expanded', 'true');
      expect(panelHeader()).toHaveAccessibleName(/^Thinking… 0s/);
      expect(screen.getByTestId('reasoning')).toHaveTextContent('Try 7.');

      act(() => {
        vi.advanceTimersByTime(2000);
      });
      expect(panelHeader()).toHaveAccessibleName(/^Thinking… 2s/);

      rerender(
        <View
          message={message({
            status: 'answering',
            reasoning: 'Try 7.',
            answer: 'No.',
            timing: {
              requestSentAt: START - 200,
              firstReasoningAt: START,
              firstAnswerAt: START + 2000,
            },
          })}
        />,
      );
      expect(panelHeader()).toHaveAttribute('aria-expanded', 'false');
      expect(panelHeader()).toHaveAccessibleName(/^Thought for 2 seconds/);
      expect(screen.queryByTestId('reasoning')).not.toBeInTheDocument();
    });

    it('keeps the person’s fold while more reasoning arrives', () => {
      const { rerender } = render(<View message={reasoning('Try 7.')} />);
      fireEvent.click(panelHeader());
      rerender(<View message={reasoning('Try 7. Then 13.')} />);
      expect(panelHeader()).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByText(/Then 13/)).not.toBeInTheDocument();
    });

    it('opens as the saved choice says on mount, over every policy', () => {
      const noActions: MessageActions = {
        regenerate: noop,
        continueReply: noop,
        stop: noop,
        selectVersion: noop,
        setReasoningOpen: noop,
        edit: noop,
        share: noop,
        openSettings: noop,
      };
      const thought = done('42', {
        reasoning: 'Try 7.',
        timing: { requestSentAt: START, firstReasoningAt: START, endedAt: START + 200 },
      });
      const thinking = reasoning('Try 7.');
      const cases = [
        // [message, saved choice, policy]: the saved choice is the opposite of the policy's.
        [thought, true, 'auto'],
        [thought, true, 'folded'],
        [thinking, false, 'auto'],
        [thinking, false, 'open'],
      ] as const;
      for (const [base, isReasoningOpen, policy] of cases) {
        const { unmount } = render(
          <AssistantMessageView
            message={{ ...base, isReasoningOpen }}
            versionIds={[base.id]}
            versionIndex={0}
            actions={noActions}
            reasoningPolicy={policy}
            isBusy={false}
          />,
        );
        expect(panelHeader(), `${base.state.status} ${policy}`).toHaveAttribute(
          'aria-expanded',
          String(isReasoningOpen),
        );
        expect(screen.queryByTestId('reasoning') !== null).toBe(isReasoningOpen);
        unmount();
      }
    });

    it('stays open, marked incomplete, when stopped while thinking', () => {
      render(
        <View
          message={message({
            status: 'stopped',
            reasoning: 'Try 7.',
            timing: { requestSentAt: START - 200, firstReasoningAt: START, endedAt: START + 5000 },
          })}
        />,
      );
      expect(panelHeader()).toHaveAttribute('aria-expanded', 'true');
      expect(panelHeader()).toHaveTextContent('Thought for 5 seconds');
      expect(panelHeader()).toHaveTextContent('incomplete');
      expect(screen.getByText('Stopped by you.')).toBeInTheDocument();
    });
  });
});
