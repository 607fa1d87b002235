/**
 * What a frame of a streaming reply renders, counted: the components below are wrapped with render
 * counters. A frame with new answer tokens must render the block being written and nothing else
 * that shows the conversation: not the list, not the other messages, not the settled blocks, not
 * the reply's header or footer (its counts wait for their 4 Hz refresh).
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createElement, memo, type ComponentProps } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../core/stream/stream-event';
import { createFakeTransport, settle, testSettings } from '../../providers/fake-transport';
import type { ConversationStore } from '../../storage/conversation-store';
import { ChatPage } from './ChatPage';
import type { ConversationPersistence } from './conversation-persistence';
import { loadNavigation } from './reasoning/navigation-part';

const counted = vi.hoisted(() => ({
  renders: new Map<string, number>(),
  transport: undefined as ReturnType<typeof createFakeTransport>['transport'] | undefined,
  add(name: string) {
    this.renders.set(name, (this.renders.get(name) ?? 0) + 1);
  },
}));

vi.mock('../../providers/stream-reply', () => ({
  streamReply: (...args: Parameters<NonNullable<typeof counted.transport>>) =>
    counted.transport!(...args),
}));

vi.mock('./MessageList', async (importOriginal) => {
  const real = await importOriginal<typeof import('./MessageList')>();
  return {
    MessageList: (props: ComponentProps<typeof real.MessageList>) => {
      counted.add('list');
      return real.MessageList(props);
    },
  };
});

// Every message shows one in its footer: it renders when the message's frame renders.
vi.mock('./VersionSwitcher', async (importOriginal) => {
  const real = await importOriginal<typeof import('./VersionSwitcher')>();
  return {
    VersionSwitcher: (props: ComponentProps<typeof real.VersionSwitcher>) => {
      counted.add(`message ${props.versionIds.join()}`);
      return real.VersionSwitcher(props);
    },
  };
});

vi.mock('./reasoning/ReasoningPanel', async (importOriginal) => {
  const real = await importOriginal<typeof import('./reasoning/ReasoningPanel')>();
  const { Trigger } = real.ReasoningPanel;
  return {
    ReasoningPanel: {
      ...real.ReasoningPanel,
      Trigger: (props: ComponentProps<typeof Trigger>) => {
        counted.add('panel header');
        return Trigger(props);
      },
    },
  };
});

// Each markdown block, settled or being written, by its text.
vi.mock('../../lib/markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/markdown')>();
  return {
    ...real,
    MarkdownContent: memo(function CountedContent(
      props: ComponentProps<typeof real.MarkdownContent>,
    ) {
      counted.add(`block ${props.text}`);
      return createElement(real.MarkdownContent, props);
    }),
  };
});

const persistence: ConversationPersistence = {
  createConversation: async () => {},
  setSystemPrompt: async () => {},
  saveMessage: async () => {},
  setVersionChoices: async () => {},
  holdStreamLock: async () => () => {},
  isStreamLockHeld: async () => false,
} as unknown as ConversationPersistence;

let frames: FrameRequestCallback[] = [];

// The panel's navigation code, downloaded on demand, is here from the start: its arrival would
// render the panel once, in whichever frame it lands.
beforeAll(async () => {
  await loadNavigation();
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setup() {
  const fake = createFakeTransport();
  counted.transport = fake.transport;
  render(
    <ChatPage
      settings={testSettings}
      onOpenSettings={() => {}}
      store={{} as ConversationStore}
      persistence={persistence}
      conversationId={undefined}
      onConversationCreated={() => {}}
      reasoningPolicy="auto"
      onShare={() => {}}
    />,
  );
  const nextFrame = () => act(() => frames.splice(0).forEach((callback) => callback(0)));
  return {
    ...fake,
    send: (text: string) => {
      const box = screen.getByRole('textbox', { name: 'Message' });
      fireEvent.change(box, { target: { value: text } });
      fireEvent.keyDown(box, { key: 'Enter' });
    },
    /** One batch of events, then the animation frame that shows it. */
    frame: async (...events: StreamEvent[]) => {
      fake.push(...events);
      await act(settle);
      nextFrame();
    },
    finish: async () => {
      fake.finish();
      await act(settle);
    },
  };
}

/** The token counts and speed in the footer of the newest reply. */
function footerStats(): string {
  const replies = screen.getAllByTestId('assistant-message');
  const parts = replies.at(-1)!.querySelectorAll('footer > span');
  return [...parts].map((part) => part.textContent).join(' | ');
}

describe('A frame of a streaming reply', () => {
  it('renders only the block being written; counts wait for their 4 Hz refresh', async () => {
    const t = setup();
    t.send('Is 91 prime?');
    await t.frame({ type: 'reasoning-delta', text: 'Try 7.' });
    await t.frame(
      { type: 'answer-delta', text: '# No\n\n91 = 7 × 13.\n\nSo it is not.' },
      { type: 'finish', finishReason: 'stop' },
      { type: 'done' },
    );
    await act(settle);

    t.send('And 97?');
    await t.frame({ type: 'reasoning-delta', text: 'Try 2, 3, 5 and 7.' });
    const stepTitle = () => screen.queryByTestId('reasoning-current-step')?.textContent;
    const titleBefore = stepTitle();
    counted.renders.clear();
    await t.frame({ type: 'reasoning-delta', text: ' None divides 97.' });
    expect(screen.getAllByTestId('reasoning').at(-1)!.textContent).toContain('None divides 97.');
    // Reasoning is not markdown until its line ends; nothing else renders, but the header when
    // the title of the step being written changed.
    expect(Object.fromEntries(counted.renders)).toEqual(
      stepTitle() === titleBefore ? {} : { 'panel header': 1 },
    );

    await t.frame({ type: 'answer-delta', text: 'Yes.\n\nNo prime up to its root' });
    const statsBefore = footerStats();
    expect(statsBefore).toContain('answer tokens');
    counted.renders.clear();

    await t.frame({ type: 'answer-delta', text: ' divides it, so 97 is prime.' });

    expect(screen.getAllByTestId('answer').at(-1)!.textContent).toContain('so 97 is prime.');
    expect(Object.fromEntries(counted.renders)).toEqual({
      'block No prime up to its root divides it, so 97 is prime.': 1,
    });
    expect(footerStats()).toBe(statsBefore);

    // The refresh: the counts change, and nothing that shows text renders for it.
    counted.renders.clear();
    // The page's clocks tick from one real timer at each multiple of 250 ms of `Date.now()`, which
    // is faked here: move the date on a period, then let the timer fire.
    vi.advanceTimersByTime(250);
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(footerStats()).not.toBe(statsBefore);
    const rendered = [...counted.renders.keys()];
    expect(rendered.filter((name) => name.startsWith('block') || name === 'list')).toEqual([]);
    expect(rendered.filter((name) => name.startsWith('message'))).toEqual([]);

    await t.finish();
  });
});
