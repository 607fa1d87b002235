import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AssistantMessage } from '../../../core/chat/chat-message';
import { createAssistantMessage } from '../../../core/stream/assistant-message';
import { replyStats } from '../../../core/stream/reply-stats';
import { ReasoningNavigation } from './ReasoningNavigation';
import { ReasoningPanel } from './ReasoningPanel';
import { useReasoningNavigation } from './use-reasoning-navigation';

const download = vi.hoisted(() => ({ attempts: 0 }));
vi.mock('./navigation-runtime', () => {
  download.attempts += 1;
  throw new Error('Failed to fetch dynamically imported module');
});

const reply: AssistantMessage = {
  id: 'a1',
  parentId: null,
  createdAt: 0,
  role: 'assistant',
  model: 'm',
  providerName: 'p',
  state: { ...createAssistantMessage(), status: 'done', reasoning: 'Try 17 first.' },
};

function Harness() {
  const view = useReasoningNavigation(reply, replyStats(reply.state, 0), undefined);
  return (
    <ReasoningPanel.Root isThinking={false} isOpenByDefault timing={{}}>
      <ReasoningPanel.Trigger />
      <ReasoningNavigation view={view} text={reply.state.reasoning} />
    </ReasoningPanel.Root>
  );
}

describe('when the navigation code cannot download', () => {
  it('keeps showing the trace, says so, and tries again on request', async () => {
    render(<Harness />);
    expect(screen.getByTestId('reasoning')).toHaveTextContent('Try 17 first.');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The outline and search didn’t load.');
    const before = download.attempts;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('alert');
    await vi.waitFor(() => expect(download.attempts).toBeGreaterThan(before));
    expect(screen.getByTestId('reasoning')).toHaveTextContent('Try 17 first.');
  });
});
