import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageTiming } from '../../../core/stream/assistant-message';
import { installFakeResizeObserver, resizeAll } from '../../../testing/fake-resize-observer';
import { ReasoningPanel } from './ReasoningPanel';

const START = Date.UTC(2026, 0, 15, 9, 0, 0);

interface PanelProps {
  isThinking: boolean;
  isOpenByDefault: boolean;
  timing: MessageTiming;
  text: string;
  note?: string;
}

function Panel({ isThinking, isOpenByDefault, timing, text, note }: PanelProps) {
  return (
    <ReasoningPanel.Root isThinking={isThinking} isOpenByDefault={isOpenByDefault} timing={timing}>
      <ReasoningPanel.Trigger note={note} />
      <ReasoningPanel.Content text={text} />
    </ReasoningPanel.Root>
  );
}

const thinking: PanelProps = {
  isThinking: true,
  isOpenByDefault: true,
  timing: { requestSentAt: START - 500, firstReasoningAt: START },
  text: 'Let me try 7 first.',
};

/** The props once the answer started `seconds` after the first reasoning token. */
function answered(seconds: number, text = thinking.text): PanelProps {
  return {
    isThinking: false,
    isOpenByDefault: false,
    timing: { ...thinking.timing, firstAnswerAt: START + seconds * 1000 },
    text,
  };
}

function header(): HTMLElement {
  return screen.getByRole('button', { name: /Thinking…|Thought for/ });
}

function advanceSeconds(seconds: number) {
  act(() => {
    vi.advanceTimersByTime(seconds * 1000);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('ReasoningPanel', () => {
  it('has a header button whose aria-controls names the body', () => {
    render(<Panel {...thinking} />);

    const button = header();
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const bodyId = button.getAttribute('aria-controls');
    expect(bodyId).toBeTruthy();
    const body = document.getElementById(bodyId!);
    expect(body).not.toBeNull();
    expect(body).toHaveTextContent('Let me try 7 first.');
  });

  it('is open while thinking, with a label that ticks with time', () => {
    render(<Panel {...thinking} />);
    expect(header()).toHaveAccessibleName('Thinking… 0s');
    expect(screen.getByText('Let me try 7 first.')).toBeVisible();

    advanceSeconds(1);
    expect(header()).toHaveAccessibleName('Thinking… 1s');

    advanceSeconds(11);
    expect(header()).toHaveAccessibleName('Thinking… 12s');
  });

  it('stops ticking and folds when thinking ends, showing how long it took', () => {
    const { rerender } = render(<Panel {...thinking} />);
    advanceSeconds(3);

    rerender(<Panel {...answered(3)} />);

    expect(header()).toHaveAccessibleName('Thought for 3 seconds');
    expect(header()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Let me try 7 first.')).not.toBeInTheDocument();

    advanceSeconds(30);
    expect(header()).toHaveAccessibleName('Thought for 3 seconds');
  });

  it('does not mount the body while folded, yet aria-controls still names an element', () => {
    render(<Panel {...answered(2)} />);

    const button = header();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('reasoning')).not.toBeInTheDocument();
    expect(screen.queryByText('Let me try 7 first.')).not.toBeInTheDocument();
    const placeholder = document.getElementById(button.getAttribute('aria-controls')!);
    expect(placeholder).not.toBeNull();
    expect(placeholder).toBeEmptyDOMElement();
    expect(placeholder).not.toBeVisible();
  });

  it('toggles on click', () => {
    render(<Panel {...answered(2)} />);

    fireEvent.click(header());
    expect(header()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('reasoning')).toHaveTextContent('Let me try 7 first.');
    expect(screen.getByTestId('reasoning').id).toBe(header().getAttribute('aria-controls'));

    fireEvent.click(header());
    expect(header()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('reasoning')).not.toBeInTheDocument();
  });

  it('stays folded when the person folded it while thinking, as more text arrives and after', () => {
    const { rerender } = render(<Panel {...thinking} />);
    fireEvent.click(header());
    expect(header()).toHaveAttribute('aria-expanded', 'false');

    rerender(<Panel {...thinking} text="Let me try 7 first. 7 × 13 = 91." />);
    advanceSeconds(2);
    expect(header()).toHaveAttribute('aria-expanded', 'false');
    expect(header()).toHaveAccessibleName('Thinking… 2s');
    expect(screen.queryByText(/7 × 13/)).not.toBeInTheDocument();

    rerender(<Panel {...answered(2, 'Let me try 7 first. 7 × 13 = 91.')} />);
    expect(header()).toHaveAttribute('aria-expanded', 'false');
  });

  it('stays open when the person opened it after the answer started', () => {
    const { rerender } = render(<Panel {...thinking} />);
    rerender(<Panel {...answered(4)} />);
    expect(header()).toHaveAttribute('aria-expanded', 'false');

    fireEvent.click(header());
    expect(header()).toHaveAttribute('aria-expanded', 'true');

    // The answer keeps streaming and then ends: the props change, the choice holds.
    rerender(<Panel {...answered(4)} timing={{ ...answered(4).timing, endedAt: START + 9000 }} />);
    expect(header()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('reasoning')).toHaveTextContent('Let me try 7 first.');
  });

  it('opens by default when asked to even though thinking ended', () => {
    render(
      <Panel
        {...answered(1)}
        isOpenByDefault
        timing={{ ...thinking.timing, endedAt: START + 1000 }}
        note="incomplete"
      />,
    );
    expect(header()).toHaveAttribute('aria-expanded', 'true');
    expect(header()).toHaveTextContent('Thought for 1 second');
    expect(header()).toHaveTextContent('incomplete');
  });

  it('renders the finished reasoning as markdown, the live one as plain text', () => {
    const { rerender } = render(<Panel {...thinking} text="Try **7**." />);
    expect(screen.getByText('Try **7**.')).toBeInTheDocument();

    rerender(<Panel {...answered(1, 'Try **7**.')} isOpenByDefault />);
    expect(screen.getByText('7').tagName).toBe('STRONG');
  });

  it('renders finished blocks as markdown once and the live block as plain text', () => {
    const { rerender } = render(<Panel {...thinking} text={'First **idea**.\n\nSecond'} />);
    const body = screen.getByTestId('reasoning');
    const first = within(body).getByText('idea');
    expect(first.tagName).toBe('STRONG');
    expect(within(body).getByText('Second')).toHaveClass('whitespace-pre-wrap');

    rerender(
      <Panel {...thinking} text={'First **idea**.\n\nSecond *idea*,\n  indented.\n\nThi'} />,
    );
    // The finished block keeps its DOM; the newly finished one is markdown; the live one is not.
    expect(body.querySelector('strong')).toBe(first);
    expect(body.querySelector('em')?.textContent).toBe('idea');
    expect(within(body).getByText('Thi')).toHaveClass('whitespace-pre-wrap');

    // When reasoning ends, the earlier blocks stay as they are; the last one is parsed.
    rerender(
      <Panel
        {...answered(1, 'First **idea**.\n\nSecond *idea*,\n  indented.\n\nThird `step`.')}
        isOpenByDefault
      />,
    );
    expect(body.querySelector('strong')).toBe(first);
    expect(body.querySelector('code')?.textContent).toBe('step');
    expect(body.querySelectorAll('p')).toHaveLength(3);
  });

  it('renders the live block’s finished lines as markdown, only the line being written plain', () => {
    // Regression (issue 11): live reasoning showed raw "- 2: …" until its block settled.
    render(<Panel {...thinking} text={'Checks:\n- 1: **odd**\n- 2: done\n- 3: thr'} />);
    const body = screen.getByTestId('reasoning');
    expect(body.querySelectorAll('li')).toHaveLength(2);
    expect(within(body).getByText('odd').tagName).toBe('STRONG');
    expect(within(body).getByText('- 3: thr')).toHaveClass('whitespace-pre-wrap');
    expect(body).not.toHaveTextContent('- 2:');
  });

  it('keeps following the newest line while live reasoning grows', () => {
    const uninstall = installFakeResizeObserver();
    try {
      const { rerender } = render(<Panel {...thinking} text="One." />);
      const body = screen.getByTestId('reasoning');
      Object.defineProperty(body, 'scrollHeight', { configurable: true, value: 900 });
      rerender(<Panel {...thinking} text={'One.\n\nTwo.'} />);
      resizeAll();
      expect(body.scrollTop).toBe(900);
    } finally {
      uninstall();
    }
  });

  it('refuses parts used outside Root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<ReasoningPanel.Trigger />)).toThrow(/inside <ReasoningPanel.Root>/);
  });
});
