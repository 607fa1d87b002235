import { describe, expect, it, vi } from 'vitest';
import { createFakeTransport, settle, testSettings } from '../../providers/fake-transport';
import type { AssistantMessage, ChatMessage, UserMessage } from '../../core/chat/chat-message';
import type { VersionChoices } from '../../core/chat/conversation-tree';
import { ChatSession } from './chat-session';
import { SAVE_EVERY_MS } from './live-reply-saver';
import { CONTINUE_PROMPT } from './request-history';
import { replyStats } from '../../core/stream/reply-stats';
import type { ConversationPersistence } from './conversation-persistence';

const settings = testSettings;

/** A write the test lets through with `commit`, in the order the writes were made. */
interface PendingWrite {
  message: ChatMessage;
  commit: () => void;
}

/** What the tabs of one browser share: the saved messages, the locks and the writes under way. */
interface SharedStorage {
  db: Map<string, ChatMessage>;
  locks: Set<string>;
  /** Writes not yet on disk, in the order they were made (IndexedDB commits them in that order). */
  pending: PendingWrite[];
}

function createSharedStorage(): SharedStorage {
  return { db: new Map(), locks: new Set(), pending: [] };
}

/**
 * A `ConversationPersistence` in memory that records every call. `db` holds the saved messages of
 * every conversation; `locks` the stream locks held by any tab sharing it. With `holdWrites`, or
 * while an earlier write is pending, message writes wait in `pending` until committed (a slow disk).
 */
function createFakePersistence(shared: SharedStorage = createSharedStorage()) {
  const { db, locks, pending } = shared;
  const control = { holdWrites: false };
  const persistence = {
    createConversation: vi.fn<ConversationPersistence['createConversation']>(async () => {}),
    setSystemPrompt: vi.fn<ConversationPersistence['setSystemPrompt']>(async () => {}),
    saveMessage: vi.fn<ConversationPersistence['saveMessage']>(async (_conversationId, message) => {
      if (!control.holdWrites && pending.length === 0) {
        db.set(message.id, message);
        return;
      }
      await new Promise<void>((resolve) =>
        pending.push({
          message,
          commit: () => {
            db.set(message.id, message);
            resolve();
          },
        }),
      );
    }),
    setVersionChoices: vi.fn<ConversationPersistence['setVersionChoices']>(async () => {}),
    keepUnloadCopy: vi.fn<NonNullable<ConversationPersistence['keepUnloadCopy']>>(),
    holdStreamLock: vi.fn<ConversationPersistence['holdStreamLock']>(async (messageId) => {
      locks.add(messageId);
      return () => locks.delete(messageId);
    }),
    isStreamLockHeld: vi.fn<ConversationPersistence['isStreamLockHeld']>(async (messageId) =>
      locks.has(messageId),
    ),
  } satisfies ConversationPersistence;

  return {
    persistence,
    db,
    locks,
    control,
    pending,
    /** Commits the held writes, oldest first. */
    commitAll: () => {
      for (const write of pending.splice(0)) write.commit();
    },
    /** The messages saved, in call order, optionally only those of one message. */
    saved: (messageId?: string): ChatMessage[] =>
      persistence.saveMessage.mock.calls
        .map(([, message]) => message)
        .filter((message) => messageId === undefined || message.id === messageId),
    /** The saved copies of one assistant message, in call order. */
    savedReplies: (messageId: string): AssistantMessage[] =>
      persistence.saveMessage.mock.calls
        .map(([, message]) => message)
        .filter((m): m is AssistantMessage => m.id === messageId && m.role === 'assistant'),
  };
}

function setup(fakePersistence = createFakePersistence()) {
  const fake = createFakeTransport();
  let time = 1_000_000;
  const frames: (() => void)[] = [];
  let timers: { at: number; callback: () => void }[] = [];
  const session = new ChatSession({
    transport: fake.transport,
    now: () => time,
    scheduleFrame: (callback) => frames.push(callback),
    setTimer: (callback, ms) => {
      const timer = { at: time + ms, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((other) => other !== timer);
      };
    },
    persistence: fakePersistence.persistence,
  });
  return {
    ...fake,
    ...fakePersistence,
    session,
    frames,
    now: () => time,
    /** Moves the fake clock on, running the timers that fall due. */
    advance: (ms: number) => {
      time += ms;
      const due = timers.filter((timer) => timer.at <= time);
      timers = timers.filter((timer) => timer.at > time);
      for (const timer of due) timer.callback();
    },
    /** Runs the callbacks scheduled for the next animation frame. */
    nextFrame: () => {
      for (const callback of frames.splice(0)) callback();
    },
    snapshot: () => session.getSnapshot(),
    assistant: (): AssistantMessage => {
      const last = session.getSnapshot().messages.at(-1);
      if (last?.role !== 'assistant') throw new Error('The last message is not an assistant one.');
      return last;
    },
    question: (): UserMessage => {
      const first = session.getSnapshot().messages.find((m) => m.role === 'user');
      if (first?.role !== 'user') throw new Error('No user message.');
      return first;
    },
  };
}

type Harness = ReturnType<typeof setup>;

/** Sends `question`, streams `answer` and ends the reply as done. */
async function completeTurn(t: Harness, question: string, answer: string): Promise<void> {
  const sent = t.session.send(question, settings);
  t.push({ type: 'reasoning-delta', text: 'Thinking.' });
  // The session stops reading at `done`: queueing an end of stream as well would leave it for the
  // next request.
  t.push({ type: 'answer-delta', text: answer }, { type: 'done' });
  await sent;
}

const statuses = (messages: readonly AssistantMessage[]) => messages.map((m) => m.state.status);
const revisions = (messages: readonly ChatMessage[]) => messages.map((m) => m.revision);

describe('ChatSession saving', () => {
  it('the first send creates the conversation and saves the question and the reply', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?\nAsking for a friend.', settings);

    const conversationId = t.snapshot().conversationId;
    expect(conversationId).toBeDefined();
    expect(t.persistence.createConversation).toHaveBeenCalledExactlyOnceWith(
      conversationId,
      expect.objectContaining({
        firstMessage: 'Is 91 prime?\nAsking for a friend.',
        now: 1_000_000,
      }),
    );

    t.push({ type: 'answer-delta', text: 'No: 7 × 13.' }, { type: 'done' });
    await sent;

    const question = t.question();
    const reply = t.assistant();
    expect(t.persistence.saveMessage.mock.calls.every(([id]) => id === conversationId)).toBe(true);
    expect(t.saved(question.id)).toEqual([
      expect.objectContaining({ role: 'user', content: 'Is 91 prime?\nAsking for a friend.' }),
    ]);
    expect(t.savedReplies(reply.id).at(-1)).toEqual(reply);
    expect(t.savedReplies(reply.id).at(-1)?.state).toMatchObject({
      status: 'done',
      answer: 'No: 7 × 13.',
    });
    // The reply is saved with the lock of its stream held.
    expect(t.persistence.holdStreamLock).toHaveBeenCalledWith(reply.id);
    expect(t.locks.has(reply.id)).toBe(false);
    // The choices that show the new messages are saved too.
    expect(t.persistence.setVersionChoices).toHaveBeenLastCalledWith(
      conversationId,
      expect.objectContaining({ root: question.id, [question.id]: reply.id }),
    );

    // A second send goes to the same conversation, which is not created again.
    await completeTurn(t, 'And 97?', 'Yes.');
    expect(t.assistant().state).toMatchObject({ status: 'done', answer: 'Yes.' });
    expect(t.persistence.createConversation).toHaveBeenCalledOnce();
    expect(t.snapshot().conversationId).toBe(conversationId);
    expect(t.persistence.saveMessage.mock.calls.every(([id]) => id === conversationId)).toBe(true);
  });

  it('saves a streaming reply at status changes and about once per SAVE_EVERY_MS, then at the end', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    await settle();
    const id = t.assistant().id;
    expect(statuses(t.savedReplies(id))).toEqual(['waiting']);

    t.push({ type: 'reasoning-delta', text: 'Try 7. ' });
    await settle();
    t.nextFrame();
    expect(statuses(t.savedReplies(id))).toEqual(['waiting', 'reasoning']);

    // Twenty batches over two seconds, each published by its frame: about two saves, not twenty.
    for (let i = 0; i < 20; i += 1) {
      t.advance(100);
      t.push({ type: 'reasoning-delta', text: `${i} ` });
      await settle();
      t.nextFrame();
    }
    const during = t.savedReplies(id).slice(2);
    expect(during.length).toBeGreaterThanOrEqual(1);
    expect(during.length).toBeLessThanOrEqual(2);
    expect(statuses(during).every((status) => status === 'reasoning')).toBe(true);
    // Each periodic save carries the text so far.
    expect(during.at(-1)?.state.reasoning).toContain('Try 7. 0 1 2');

    t.push({ type: 'answer-delta', text: 'No.' });
    await settle();
    t.nextFrame();
    expect(t.savedReplies(id).at(-1)?.state).toMatchObject({ status: 'answering', answer: 'No.' });

    const before = t.savedReplies(id).length;
    t.push({ type: 'done' });
    t.finish();
    await sent;
    const after = t.savedReplies(id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.state).toMatchObject({ status: 'done', answer: 'No.' });
    expect(after.at(-1)).toEqual(t.assistant());
  });

  it('does not save on batches that arrive within SAVE_EVERY_MS without a status change', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'a' });
    await settle();
    t.nextFrame();
    const id = t.assistant().id;
    const count = t.savedReplies(id).length;

    for (let i = 0; i < 5; i += 1) {
      t.advance(SAVE_EVERY_MS / 10);
      t.push({ type: 'reasoning-delta', text: 'b' });
      await settle();
      t.nextFrame();
    }
    expect(t.savedReplies(id)).toHaveLength(count);

    t.advance(SAVE_EVERY_MS / 2);
    t.push({ type: 'reasoning-delta', text: 'c' });
    await settle();
    t.nextFrame();
    expect(t.savedReplies(id)).toHaveLength(count + 1);
    expect(t.savedReplies(id).at(-1)?.state.reasoning).toBe('abbbbbc');

    t.finish();
    await sent;
  });

  // Regression: a streaming reply is saved from the stream loop, not only on animation frames
  // (which background tabs don't run).
  it('keeps saving a streaming reply when no animation frame runs (background tab)', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    await settle();
    const id = t.assistant().id;

    for (let i = 0; i < 30; i += 1) {
      t.advance(100);
      t.push({ type: i < 10 ? 'reasoning-delta' : 'answer-delta', text: `${i} ` });
      await settle();
    }
    try {
      expect(t.savedReplies(id).length).toBeGreaterThanOrEqual(3);
      expect(statuses(t.savedReplies(id))).toContain('answering');
    } finally {
      t.finish();
      await sent;
    }
  });

  it('issue 10: flush saves the streaming reply at once; on unload it also keeps a copy', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7. ' });
    await settle();
    t.nextFrame();
    const id = t.assistant().id;
    t.advance(SAVE_EVERY_MS / 10);
    t.push({ type: 'reasoning-delta', text: '91 = 7 × 13.' });
    await settle();
    // Within SAVE_EVERY_MS of the last save and no frame yet: only a flush saves this text.
    expect(t.savedReplies(id).at(-1)?.state.reasoning).toBe('Try 7. ');

    t.session.flush();
    expect(t.savedReplies(id).at(-1)?.state.reasoning).toBe('Try 7. 91 = 7 × 13.');
    expect(t.persistence.keepUnloadCopy).not.toHaveBeenCalled();

    t.push({ type: 'reasoning-delta', text: ' So no.' });
    await settle();
    t.session.flush(true);
    const saved = t.savedReplies(id).at(-1);
    expect(saved?.state.reasoning).toBe('Try 7. 91 = 7 × 13. So no.');
    expect(t.persistence.keepUnloadCopy).toHaveBeenCalledExactlyOnceWith(
      t.snapshot().conversationId,
      saved,
    );

    t.finish();
    await sent;
    // Nothing is streaming: a flush saves nothing more.
    const count = t.saved().length;
    t.session.flush(true);
    expect(t.saved()).toHaveLength(count);
  });

  it('issue 10: on unload, a question whose save has not finished is kept too', async () => {
    const t = setup();
    t.control.holdWrites = true;
    const sent = t.session.send('Is 91 prime?', settings);
    await settle();
    t.session.flush(true);
    const kept = t.persistence.keepUnloadCopy.mock.calls.map(([, message]) => message.role);
    expect(kept.sort()).toEqual(['assistant', 'user']);

    t.commitAll();
    t.control.holdWrites = false;
    t.push({ type: 'answer-delta', text: 'No.' }, { type: 'done' });
    await sent;
    t.commitAll();
    await settle();
    t.persistence.keepUnloadCopy.mockClear();
    // Every save has finished: nothing is left to keep.
    t.session.flush(true);
    expect(t.persistence.keepUnloadCopy).not.toHaveBeenCalled();
  });

  it('issue 10: a lost connection keeps a copy of what arrived before it ends the reply', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7. ' });
    await settle();
    t.nextFrame();
    t.push({ type: 'reasoning-delta', text: '91 = 7 × 13.' });
    // A slow disk: the failed state is still being written when the page closes.
    t.control.holdWrites = true;
    t.fail(new TypeError('Failed to fetch'));
    await settle();

    const [conversationId, copy] = t.persistence.keepUnloadCopy.mock.calls[0] ?? [];
    expect(conversationId).toBe(t.snapshot().conversationId);
    expect(copy?.role === 'assistant' && copy.state).toMatchObject({
      status: 'reasoning',
      reasoning: 'Try 7. 91 = 7 × 13.',
    });

    // The page closing now (its closing may be what cut the stream): the copy stays the one from
    // before the failure, so the next page shows the reply interrupted, not failed.
    t.session.flush(true);
    const copies = t.persistence.keepUnloadCopy.mock.calls.map(([, message]) => message);
    expect(copies.filter((m) => m.role === 'assistant')).toEqual([copy]);

    t.commitAll();
    t.control.holdWrites = false;
    await sent;
    const final = t.savedReplies(t.assistant().id).at(-1);
    expect(final?.state.status).toBe('error');
    expect(final?.revision).toBeGreaterThan(copy?.revision ?? Infinity);
  });

  it('raises the revision on every save of a message', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7.' });
    await settle();
    t.nextFrame();
    t.advance(SAVE_EVERY_MS);
    t.push({ type: 'reasoning-delta', text: ' Then 13.' });
    await settle();
    t.nextFrame();
    t.push({ type: 'answer-delta', text: 'No.' }, { type: 'done' });
    t.finish();
    await sent;

    const id = t.assistant().id;
    const replies = t.savedReplies(id);
    expect(replies.length).toBeGreaterThanOrEqual(4);
    expect(revisions(replies)).toEqual(replies.map((_, index) => index + 1));
    expect(t.assistant().revision).toBe(replies.length);

    t.session.setReasoningOpen(id, true);
    expect(t.savedReplies(id).at(-1)).toMatchObject({
      revision: replies.length + 1,
      isReasoningOpen: true,
    });
    expect(t.saved(t.question().id).map((m) => m.revision)).toEqual([1]);
  });

  it('setAllReasoningOpen saves every visible reply', async () => {
    const t = setup();
    await completeTurn(t, 'Is 91 prime?', 'No.');
    await completeTurn(t, 'And 97?', 'Yes.');
    const replies = t.snapshot().messages.filter((m) => m.role === 'assistant');
    t.persistence.saveMessage.mockClear();

    t.session.setAllReasoningOpen(false);

    expect(t.persistence.saveMessage).toHaveBeenCalledTimes(2);
    expect(t.saved().map((m) => m.id)).toEqual(replies.map((m) => m.id));
    expect(t.saved().every((m) => m.role === 'assistant' && m.isReasoningOpen === false)).toBe(
      true,
    );
  });
});

describe('ChatSession showing saved changes', () => {
  async function savedConversation() {
    const t = setup();
    await completeTurn(t, 'Is 91 prime?', 'No.');
    const id = t.snapshot().conversationId!;
    const choices = t.persistence.setVersionChoices.mock.lastCall![1];
    return { t, id, choices };
  }

  it('an older revision of a message does not undo a newer local change', async () => {
    const { t, id, choices } = await savedConversation();
    const reply = t.assistant();
    const older = { ...reply }; // as saved before the change below
    t.session.setReasoningOpen(reply.id, true);
    expect(t.savedReplies(reply.id).at(-1)).toMatchObject({
      isReasoningOpen: true,
      revision: older.revision! + 1,
    });

    t.session.showConversation(id, [t.question(), older], choices);
    expect(t.assistant().isReasoningOpen).toBe(true);

    // The echo of the change itself changes nothing either.
    t.session.showConversation(id, [t.question(), t.savedReplies(reply.id).at(-1)!], choices);
    expect(t.assistant()).toMatchObject({ isReasoningOpen: true, revision: older.revision! + 1 });
  });

  it('a newer remote revision replaces the local message', async () => {
    const { t, id, choices } = await savedConversation();
    const reply = t.assistant();
    const newer: AssistantMessage = {
      ...reply,
      revision: reply.revision! + 3,
      isReasoningOpen: false,
    };

    t.session.showConversation(id, [t.question(), newer], choices);

    expect(t.assistant()).toEqual(newer);
  });

  it('a message only another tab has appears', async () => {
    const { t, id, choices } = await savedConversation();
    const reply = t.assistant();
    const remoteQuestion: UserMessage = {
      id: 'remote-q',
      parentId: reply.id,
      createdAt: t.now() + 10,
      role: 'user',
      content: 'Asked in another tab',
      revision: 1,
    };

    t.session.showConversation(id, [t.question(), reply, remoteQuestion], choices);

    expect(t.snapshot().messages.at(-1)).toEqual(remoteQuestion);
    expect(t.snapshot().messages).toHaveLength(3);
  });

  it('keeps local messages that are not saved yet', async () => {
    const { t, id, choices } = await savedConversation();
    // An echo of the conversation from before the reply was saved.
    t.session.showConversation(id, [t.question()], choices);
    expect(t.snapshot().messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('the reply streaming in this tab keeps its local state', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7.' });
    await settle();
    t.nextFrame();
    const id = t.snapshot().conversationId!;
    const live = t.assistant();
    const stale: AssistantMessage = {
      ...live,
      revision: live.revision! + 5,
      state: { ...live.state, status: 'waiting', reasoning: '' },
    };

    t.session.showConversation(id, [t.question(), stale], {});

    expect(t.assistant().state).toMatchObject({ status: 'reasoning', reasoning: 'Try 7.' });
    expect(t.snapshot().isStreaming).toBe(true);
    expect(t.session.foreignStreamingIds()).toEqual([]);

    t.push({ type: 'answer-delta', text: 'No.' }, { type: 'done' });
    t.finish();
    await sent;
    expect(t.assistant().state).toMatchObject({
      status: 'done',
      reasoning: 'Try 7.',
      answer: 'No.',
    });
    expect(t.savedReplies(live.id).at(-1)?.state.status).toBe('done');
  });
});

describe('ChatSession and replies streaming elsewhere', () => {
  function foreignConversation(status: 'reasoning' | 'done' = 'reasoning') {
    const question: UserMessage = {
      id: 'q1',
      parentId: null,
      createdAt: 1,
      role: 'user',
      content: 'Is 91 prime?',
      revision: 1,
    };
    const reply: AssistantMessage = {
      id: 'a1',
      parentId: 'q1',
      createdAt: 2,
      role: 'assistant',
      model: 'thinker-1',
      providerName: 'Test provider',
      revision: 4,
      state: {
        reasoning: 'Try 7.',
        answer: '',
        status,
        timing: { requestSentAt: 2 },
        malformedChunks: 0,
        sawDone: false,
      },
    };
    return { question, reply };
  }

  it('foreignStreamingIds lists saved streaming replies this tab is not streaming', () => {
    const t = setup();
    const { question, reply } = foreignConversation();
    t.session.showConversation('c1', [question, reply], {});
    expect(t.session.foreignStreamingIds()).toEqual(['a1']);

    const done = foreignConversation('done');
    t.session.showConversation('c2', [done.question, done.reply], {});
    expect(t.session.foreignStreamingIds()).toEqual([]);
  });

  it('markInterrupted ends them as interrupted and saves them', () => {
    const t = setup();
    const { question, reply } = foreignConversation();
    t.session.showConversation('c1', [question, reply], {});

    t.session.markInterrupted(['a1']);

    expect(t.assistant().state).toMatchObject({
      status: 'interrupted',
      reasoning: 'Try 7.',
      timing: { endedAt: t.now() },
    });
    expect(t.session.foreignStreamingIds()).toEqual([]);
    expect(t.persistence.saveMessage).toHaveBeenCalledExactlyOnceWith(
      'c1',
      expect.objectContaining({ id: 'a1', revision: 5, state: t.assistant().state }),
    );

    // Already ended: nothing more to do.
    t.session.markInterrupted(['a1', 'q1', 'unknown']);
    expect(t.persistence.saveMessage).toHaveBeenCalledOnce();
  });

  // Regression: the stream lock is held until the final save is written.
  it('another tab never marks a reply interrupted while its final save is being written', async () => {
    const shared = createSharedStorage();
    const a = setup(createFakePersistence(shared));
    const b = setup(createFakePersistence(shared));

    const sent = a.session.send('Is 91 prime?', settings);
    a.push({ type: 'answer-delta', text: 'No.' });
    await settle();
    a.nextFrame(); // saved as `answering`
    const conversationId = a.snapshot().conversationId!;
    const replyId = a.assistant().id;
    expect((shared.db.get(replyId) as AssistantMessage).state.status).toBe('answering');

    // The disk is slow: the final save is still being written when the stream has ended.
    a.control.holdWrites = true;
    a.push({ type: 'done' });
    await settle();
    expect(shared.pending.map((w) => w.message.id)).toEqual([replyId]);

    // Tab B sees the conversation as saved so far and checks the reply's lock, as
    // use-chat-session does.
    b.session.showConversation(conversationId, [...shared.db.values()], {});
    for (const id of b.session.foreignStreamingIds()) {
      if (!(await b.persistence.isStreamLockHeld(id))) b.session.markInterrupted([id]);
    }
    a.commitAll(); // A's final save reaches the disk first, then B's
    await sent;
    await settle();

    expect((shared.db.get(replyId) as AssistantMessage).state.status).toBe('done');
  });
});

describe('ChatSession versions', () => {
  it('regenerate adds a sibling version and shows it; selectVersion switches back and saves it', async () => {
    const t = setup();
    await completeTurn(t, 'Is 91 prime?', 'No.');
    const conversationId = t.snapshot().conversationId!;
    const question = t.question();
    const first = t.assistant();

    t.advance(1000);
    const regenerated = t.session.regenerate(first.id, settings);
    t.push({ type: 'answer-delta', text: 'No, 91 = 7 × 13.' }, { type: 'done' });
    await regenerated;

    const second = t.assistant();
    expect(second.id).not.toBe(first.id);
    expect(second.parentId).toBe(question.id);
    expect(t.snapshot().path[1]).toMatchObject({
      versionIndex: 1,
      versionIds: [first.id, second.id],
    });
    expect(t.calls[1]!.request.body.messages).toEqual([{ role: 'user', content: 'Is 91 prime?' }]);
    expect(t.savedReplies(second.id).at(-1)?.state).toMatchObject({ status: 'done' });
    expect(t.persistence.setVersionChoices).toHaveBeenLastCalledWith(
      conversationId,
      expect.objectContaining({ [question.id]: second.id }),
    );

    t.session.selectVersion(first.id);

    expect(t.snapshot().path[1]).toMatchObject({ versionIndex: 0, message: first });
    expect(t.persistence.setVersionChoices).toHaveBeenLastCalledWith(
      conversationId,
      expect.objectContaining({ root: question.id, [question.id]: first.id }),
    );
  });

  it('edit adds a sibling question with its own reply; the old branch stays', async () => {
    const t = setup();
    await completeTurn(t, 'Is 91 prime?', 'No.');
    const conversationId = t.snapshot().conversationId!;
    const oldQuestion = t.question();
    const oldReply = t.assistant();

    t.advance(1000);
    const edited = t.session.edit(oldQuestion.id, 'Is 97 prime?', settings);
    t.push({ type: 'answer-delta', text: 'Yes.' }, { type: 'done' });
    await edited;

    const [questionEntry, replyEntry] = t.snapshot().path;
    expect(questionEntry).toMatchObject({
      versionIndex: 1,
      versionIds: [oldQuestion.id, questionEntry!.message.id],
      message: { role: 'user', content: 'Is 97 prime?', parentId: null },
    });
    expect(replyEntry?.message).toMatchObject({
      role: 'assistant',
      parentId: questionEntry!.message.id,
      state: { status: 'done', answer: 'Yes.' },
    });
    expect(t.snapshot().messages).toHaveLength(2);
    expect(t.calls[1]!.request.body.messages).toEqual([{ role: 'user', content: 'Is 97 prime?' }]);
    expect(t.saved(questionEntry!.message.id)).toHaveLength(1);
    expect(t.persistence.createConversation).toHaveBeenCalledOnce();
    expect(t.persistence.setVersionChoices).toHaveBeenLastCalledWith(
      conversationId,
      expect.objectContaining({ root: questionEntry!.message.id }),
    );

    t.session.selectVersion(oldQuestion.id);
    expect(t.snapshot().messages).toEqual([oldQuestion, oldReply]);
    expect(t.persistence.setVersionChoices).toHaveBeenLastCalledWith(
      conversationId,
      expect.objectContaining({ root: oldQuestion.id }),
    );
  });
});

describe('ChatSession continue', () => {
  it('continues a truncated reply in the same message and ends done', async () => {
    const t = setup();
    const sent = t.session.send('Write a long poem.', settings);
    t.push({ type: 'reasoning-delta', text: 'Rhymes.' });
    t.push(
      { type: 'answer-delta', text: 'Roses are red,' },
      { type: 'finish', finishReason: 'length' },
    );
    t.finish();
    await sent;
    const truncated = t.assistant();
    expect(truncated.state.status).toBe('truncated');
    const messageCount = t.snapshot().messages.length;

    t.advance(1000);
    const continued = t.session.continueReply(truncated.id, settings);
    expect(t.snapshot().isStreaming).toBe(true);
    expect(t.assistant()).toMatchObject({ id: truncated.id, state: { status: 'waiting' } });
    t.push({ type: 'answer-delta', text: ' violets are blue.' }, { type: 'done' });
    t.finish();
    await continued;

    // The partial answer goes back as the assistant turn, and the continue prompt comes last.
    expect(t.calls[1]!.request.body.messages).toEqual([
      { role: 'user', content: 'Write a long poem.' },
      { role: 'assistant', content: 'Roses are red,' },
      { role: 'user', content: CONTINUE_PROMPT },
    ]);

    const reply = t.assistant();
    expect(reply.id).toBe(truncated.id);
    expect(t.snapshot().messages).toHaveLength(messageCount);
    expect(t.snapshot().path.at(-1)?.versionIds).toEqual([truncated.id]);
    expect(reply.state).toMatchObject({
      status: 'done',
      reasoning: 'Rhymes.',
      answer: 'Roses are red, violets are blue.',
      finishReason: undefined,
      error: undefined,
    });
    expect(reply.state.timing.endedAt).toBe(t.now());
    expect(t.savedReplies(truncated.id).at(-1)).toEqual(reply);
  });

  // Issue 11: Continue showed "one double root,and when" and "-3.7 s to first token".
  it('joins the continuation as streamed and times the new request on its own', async () => {
    const t = setup();
    const sent = t.session.send('Solve x² − 2x + 1 = 0.', settings);
    t.push({ type: 'reasoning-delta', text: 'Discriminant is zero.' });
    t.push(
      { type: 'answer-delta', text: 'One double root,' },
      { type: 'finish', finishReason: 'length' },
    );
    t.finish();
    await sent;
    const truncated = t.assistant();
    expect(t.calls[0]!.options).toEqual({ continuesAnswer: false });

    t.advance(60_000);
    const continued = t.session.continueReply(truncated.id, settings);
    await settle();
    expect(t.calls[1]!.options).toEqual({ continuesAnswer: true });
    t.advance(700);
    t.push({ type: 'reasoning-delta', text: 'Now finish the sentence.' });
    t.push({ type: 'answer-delta', text: 'and when' }, { type: 'answer-delta', text: ' x = 1.' });
    t.push({ type: 'done' });
    t.finish();
    await continued;

    const { state } = t.assistant();
    expect(state.answer).toBe('One double root, and when x = 1.');
    expect(state.reasoning).toBe('Discriminant is zero.\n\nNow finish the sentence.');
    const stats = replyStats(state, t.now());
    expect(stats.timeToFirstTokenMs).toBe(700);
  });

  // Regression: Continue on a reply cut off while reasoning asks the question again.
  it('continuing a reply truncated while reasoning still sends the question', async () => {
    const t = setup();
    const sent = t.session.send('Prove Fermat’s last theorem.', settings);
    t.push(
      { type: 'reasoning-delta', text: 'Consider elliptic curves…' },
      { type: 'finish', finishReason: 'length' },
    );
    t.finish();
    await sent;
    const truncated = t.assistant();
    expect(truncated.state).toMatchObject({ status: 'truncated', answer: '' });

    const continued = t.session.continueReply(truncated.id, settings);
    await settle(); // the request goes out once the stream lock is held
    try {
      expect(t.calls[1]!.request.body.messages).toContainEqual({
        role: 'user',
        content: 'Prove Fermat’s last theorem.',
      });
    } finally {
      t.finish();
      await continued;
    }
  });
});

describe('ChatSession switching conversations', () => {
  it('showing another conversation stops the running stream and saves it where it belongs', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7.' });
    await settle();
    t.nextFrame();
    const oldId = t.snapshot().conversationId!;
    const replyId = t.assistant().id;
    const signal = t.calls[0]!.signal;

    const other: UserMessage = {
      id: 'other-q',
      parentId: null,
      createdAt: 5,
      role: 'user',
      content: 'Another conversation',
      revision: 1,
    };
    const choices: VersionChoices = { root: 'other-q' };
    t.session.showConversation('other', [other], choices);

    expect(signal.aborted).toBe(true);
    expect(t.snapshot()).toMatchObject({
      conversationId: 'other',
      messages: [other],
      isStreaming: false,
    });
    const last = t.persistence.saveMessage.mock.lastCall!;
    expect(last[0]).toBe(oldId);
    expect(last[1]).toMatchObject({
      id: replyId,
      state: { status: 'stopped', reasoning: 'Try 7.' },
    });

    await sent;
    await settle();
    t.nextFrame();
    expect(t.snapshot()).toMatchObject({ conversationId: 'other', messages: [other] });
    expect(t.persistence.saveMessage.mock.calls.every(([id]) => id === oldId)).toBe(true);
    expect(t.locks.size).toBe(0);
  });

  it('showing the same conversation again does not stop the stream', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    await settle();
    const id = t.snapshot().conversationId!;
    t.session.showConversation(id, [...t.db.values()], {});
    expect(t.calls[0]!.signal.aborted).toBe(false);
    expect(t.snapshot().isStreaming).toBe(true);
    t.push({ type: 'answer-delta', text: 'No.' }, { type: 'done' });
    t.finish();
    await sent;
    expect(t.assistant().state.status).toBe('done');
  });
});
