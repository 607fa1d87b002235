/**
 * The tab's own saves come back through `ConversationStore.watch` (about once a second while a
 * reply streams): such an echo must not make any message view render again.
 */
import { act, render } from '@testing-library/react';
import { memo, useSyncExternalStore } from 'react';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../core/chat/chat-message';
import type { VersionChoices } from '../../core/chat/conversation-tree';
import { createFakeTransport, settle, testSettings } from '../../providers/fake-transport';
import { ChatSession } from './chat-session';
import type { ConversationPersistence } from './conversation-persistence';

function setup() {
  const fake = createFakeTransport();
  const db = new Map<string, ChatMessage>();
  let choices: VersionChoices = {};
  let time = 1_000_000;
  const frames: (() => void)[] = [];
  const persistence: ConversationPersistence = {
    createConversation: async () => {},
    setSystemPrompt: async () => {},
    saveMessage: async (_id, message) => void db.set(message.id, message),
    setVersionChoices: async (_id, next) => void (choices = next),
    holdStreamLock: async () => () => {},
    isStreamLockHeld: async () => false,
  };
  const session = new ChatSession({
    transport: fake.transport,
    now: () => time,
    scheduleFrame: (callback) => frames.push(callback),
    setTimer: () => () => {},
    persistence,
  });
  const renders = new Map<string, number>();
  /** A memoized message view, as the app's are: it renders again only for a new message object. */
  const MessageView = memo(function MessageView({ message }: { message: ChatMessage }) {
    renders.set(message.id, (renders.get(message.id) ?? 0) + 1);
    return <p>{message.role === 'user' ? message.content : message.state.answer}</p>;
  });
  function Conversation() {
    const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
    return snapshot.messages.map((message) => <MessageView key={message.id} message={message} />);
  }
  render(<Conversation />);
  return {
    ...fake,
    session,
    renders,
    /** What `ConversationStore.watch` hands over after a save: everything saved, in new objects. */
    echo: () =>
      act(() => {
        const id = session.getSnapshot().conversationId!;
        session.showConversation(id, structuredClone([...db.values()]), structuredClone(choices));
      }),
    advance: (ms: number) => (time += ms),
    nextFrame: () => act(() => frames.splice(0).forEach((callback) => callback())),
  };
}

describe('ChatSession and the echo of its own saves', () => {
  it('renders no message view again when a finished conversation comes back unchanged', async () => {
    const t = setup();
    for (const question of ['Is 91 prime?', 'And 97?']) {
      const sent = act(() => t.session.send(question, testSettings));
      t.push({ type: 'answer-delta', text: 'No.' }, { type: 'done' });
      t.finish();
      await sent;
    }
    const before = new Map(t.renders);
    expect(before.size).toBe(4);

    t.echo();
    t.echo();

    expect(t.renders).toEqual(before);
  });

  it('renders only the streaming reply again while its saves come back', async () => {
    const t = setup();
    const first = act(() => t.session.send('Is 91 prime?', testSettings));
    t.push({ type: 'answer-delta', text: 'No.' }, { type: 'done' });
    t.finish();
    await first;
    const second = act(() => t.session.send('And 97?', testSettings));
    const earlier = t.session.getSnapshot().messages.slice(0, 2);
    const before = earlier.map((m) => t.renders.get(m.id));

    for (let second = 0; second < 3; second += 1) {
      t.advance(1000);
      t.push({ type: 'answer-delta', text: `Part ${second}. ` });
      await act(settle);
      t.nextFrame();
      t.echo();
    }

    expect(earlier.map((m) => t.renders.get(m.id))).toEqual(before);
    const messages = t.session.getSnapshot().messages;
    expect(messages.slice(0, 2)).toEqual(earlier);
    expect(messages[0]).toBe(earlier[0]);
    expect(messages[1]).toBe(earlier[1]);
    t.finish();
    await second;
  });
});
