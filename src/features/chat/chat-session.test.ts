import { describe, expect, it, vi } from 'vitest';
import { createFakeTransport, settle, testSettings } from '../../providers/fake-transport';
import type { AssistantMessage, ChatMessage } from '../../core/chat/chat-message';
import { HttpError } from '../../providers/http-error';
import { ChatSession } from './chat-session';
import type { ChatSnapshot } from './chat-snapshot';
import { STALL_AFTER_MS } from './stall-watchdog';

const settings = testSettings;

function setup() {
  const fake = createFakeTransport();
  let time = 1_000_000;
  const frames: (() => void)[] = [];
  let timers: { at: number; callback: () => void }[] = [];
  const onMalformedChunk = vi.fn();
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
    onMalformedChunk,
  });
  const snapshots: ChatSnapshot[] = [];
  session.subscribe(() => snapshots.push(session.getSnapshot()));
  return {
    ...fake,
    session,
    snapshots,
    frames,
    onMalformedChunk,
    /** Moves the fake clock on, running the timers that fall due. */
    advance: (ms: number) => {
      time += ms;
      const due = timers.filter((timer) => timer.at <= time);
      timers = timers.filter((timer) => timer.at > time);
      for (const timer of due) timer.callback();
    },
    pendingTimers: () => timers.length,
    /** Runs the callbacks scheduled for the next animation frame. */
    nextFrame: () => {
      for (const callback of frames.splice(0)) callback();
    },
    assistant: (): AssistantMessage => {
      const last = session.getSnapshot().messages.at(-1);
      if (last?.role !== 'assistant') throw new Error('The last message is not an assistant one.');
      return last;
    },
  };
}

function roles(messages: readonly ChatMessage[]) {
  return messages.map((message) => message.role);
}

describe('ChatSession', () => {
  it('shows the user message and a waiting assistant message at once on send', () => {
    const t = setup();
    void t.session.send('Is 91 prime?', settings);

    const snapshot = t.session.getSnapshot();
    expect(t.snapshots).toHaveLength(1);
    expect(snapshot.isStreaming).toBe(true);
    expect(roles(snapshot.messages)).toEqual(['user', 'assistant']);
    expect(snapshot.messages[0]).toMatchObject({ role: 'user', content: 'Is 91 prime?' });
    expect(t.assistant()).toMatchObject({
      model: 'thinker-1',
      providerName: 'Test provider',
      state: { status: 'waiting', reasoning: '', answer: '' },
    });
  });

  it('publishes once per frame however many batches arrive between frames', async () => {
    const t = setup();
    void t.session.send('Is 91 prime?', settings);
    const afterSend = t.snapshots.length;

    t.push({ type: 'reasoning-delta', text: 'Try 7. ' });
    t.push({ type: 'reasoning-delta', text: '7 × 13 = 91. ' });
    t.push({ type: 'reasoning-delta', text: 'So no.' });
    await settle();

    expect(t.snapshots).toHaveLength(afterSend);
    expect(t.frames).toHaveLength(1);
    expect(t.assistant().state.status).toBe('waiting');

    t.nextFrame();
    expect(t.snapshots).toHaveLength(afterSend + 1);
    expect(t.assistant().state).toMatchObject({
      status: 'reasoning',
      reasoning: 'Try 7. 7 × 13 = 91. So no.',
    });
    expect(t.session.getSnapshot().isStreaming).toBe(true);

    // A frame with nothing new scheduled publishes nothing.
    t.nextFrame();
    expect(t.snapshots).toHaveLength(afterSend + 1);

    t.push({ type: 'answer-delta', text: 'No: ' });
    t.push({ type: 'answer-delta', text: '91 = 7 × 13.' });
    await settle();
    expect(t.frames).toHaveLength(1);
    t.nextFrame();
    expect(t.snapshots).toHaveLength(afterSend + 2);
    expect(t.assistant().state).toMatchObject({ status: 'answering', answer: 'No: 91 = 7 × 13.' });
  });

  it('publishes the final state at once when the stream ends, without waiting for a frame', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'answer-delta', text: 'No.' });
    t.push({ type: 'finish', finishReason: 'stop' }, { type: 'done' });
    t.finish();
    await sent;

    expect(t.frames).toHaveLength(1); // scheduled by the batches, never run
    const snapshot = t.session.getSnapshot();
    expect(snapshot.isStreaming).toBe(false);
    expect(t.assistant().state).toMatchObject({ status: 'done', answer: 'No.' });

    const count = t.snapshots.length;
    t.nextFrame();
    expect(t.snapshots).toHaveLength(count);
    expect(t.session.getSnapshot()).toBe(snapshot);
  });

  it('stop() marks the reply stopped at once, keeps the partial text and aborts the request', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7.' });
    await settle();
    t.push({ type: 'reasoning-delta', text: ' Then 13.' });
    await settle();
    const signal = t.calls[0]!.signal;
    expect(signal.aborted).toBe(false);

    const count = t.snapshots.length;
    t.session.stop();

    expect(signal.aborted).toBe(true);
    expect(t.snapshots).toHaveLength(count + 1);
    expect(t.session.getSnapshot().isStreaming).toBe(false);
    expect(t.assistant().state).toMatchObject({
      status: 'stopped',
      reasoning: 'Try 7. Then 13.',
    });
    expect(t.assistant().state.timing.endedAt).toBeDefined();

    await expect(sent).resolves.toBeUndefined();
    t.nextFrame();
    expect(t.assistant().state.status).toBe('stopped');
    expect(t.assistant().state.error).toBeUndefined();
  });

  it('stop() does nothing when no reply is streaming', () => {
    const t = setup();
    t.session.stop();
    expect(t.snapshots).toHaveLength(0);
  });

  it('turns an HttpError from the transport into an http error with the provider message', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.fail(new HttpError(401, { message: 'Invalid API key.', code: 'invalid_api_key' }));
    await sent;

    expect(t.session.getSnapshot().isStreaming).toBe(false);
    expect(t.assistant().state).toMatchObject({
      status: 'error',
      error: { kind: 'http', status: 401, message: 'Invalid API key.', code: 'invalid_api_key' },
    });
  });

  it('turns a TypeError mid-stream into a network error and keeps the partial text', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7.' });
    t.push({ type: 'answer-delta', text: 'No, 91 ' });
    await settle();
    t.fail(new TypeError('Failed to fetch'));
    await sent;

    const state = t.assistant().state;
    expect(state).toMatchObject({
      status: 'error',
      reasoning: 'Try 7.',
      answer: 'No, 91 ',
      error: { kind: 'network' },
    });
    expect(state.error?.message).toContain('Failed to fetch');
    expect(state.error?.message).toContain('https://llm.example');
  });

  it('reports a malformed event and keeps streaming', async () => {
    const t = setup();
    const sent = t.session.send('Is 91 prime?', settings);
    t.push(
      { type: 'answer-delta', text: 'No' },
      { type: 'malformed', data: '{"choices":[', reason: 'Unexpected end of JSON input' },
    );
    await settle();
    expect(t.onMalformedChunk).toHaveBeenCalledExactlyOnceWith(
      '{"choices":[',
      'Unexpected end of JSON input',
    );
    t.nextFrame();
    expect(t.assistant().state).toMatchObject({ status: 'answering', malformedChunks: 1 });
    expect(t.session.getSnapshot().isStreaming).toBe(true);

    t.push({ type: 'answer-delta', text: '.' }, { type: 'done' });
    t.finish();
    await sent;
    expect(t.assistant().state).toMatchObject({
      status: 'done',
      answer: 'No.',
      malformedChunks: 1,
    });
  });

  it('ignores send while a reply is streaming', async () => {
    const t = setup();
    const first = t.session.send('Is 91 prime?', settings);
    const count = t.snapshots.length;

    await t.session.send('And 97?', settings);

    expect(t.calls).toHaveLength(1);
    expect(t.snapshots).toHaveLength(count);
    expect(roles(t.session.getSnapshot().messages)).toEqual(['user', 'assistant']);
    t.finish();
    await first;
  });

  it('ignores blank text', async () => {
    const t = setup();
    await t.session.send('', settings);
    await t.session.send('  \n\t ', settings);
    expect(t.calls).toHaveLength(0);
    expect(t.snapshots).toHaveLength(0);
    expect(t.session.getSnapshot().messages).toEqual([]);
  });

  it('sends the first turn’s answer with the second question', async () => {
    const t = setup();
    const first = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'secret reasoning' });
    t.push({ type: 'answer-delta', text: 'No: 7 × 13.' }, { type: 'done' });
    t.finish();
    await first;

    const second = t.session.send('And 97?', { ...settings, model: 'thinker-2' });
    expect(t.calls).toHaveLength(2);
    expect(t.calls[0]!.apiStyle).toBe('chat-completions');
    expect(t.calls[0]!.request.url).toBe('https://llm.example/chat/completions');
    expect(t.calls[0]!.request.body).toMatchObject({
      model: 'thinker-1',
      messages: [{ role: 'user', content: 'Is 91 prime?' }],
    });
    expect(t.calls[1]!.request.body).toMatchObject({ model: 'thinker-2' });
    expect(t.calls[1]!.request.body.messages).toEqual([
      { role: 'user', content: 'Is 91 prime?' },
      { role: 'assistant', content: 'No: 7 × 13.' },
      { role: 'user', content: 'And 97?' },
    ]);
    expect(roles(t.session.getSnapshot().messages)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    t.finish();
    await second;
  });

  it('sends the API key to the transport but keeps only a masked copy on the message', () => {
    const t = setup();
    void t.session.send('Is 91 prime?', { ...settings, apiKey: 'sk-0123456789abcd' });
    expect(t.calls[0]!.request.headers.Authorization).toBe('Bearer sk-0123456789abcd');
    const shown = t.assistant().request;
    expect(JSON.stringify(shown)).not.toContain('sk-0123456789abcd');
    expect(shown?.headers.Authorization).toBe('Bearer ****abcd');
  });

  describe('stall watchdog', () => {
    it('marks the reply stalled after a quiet spell and clears it when data arrives', async () => {
      const t = setup();
      const sent = t.session.send('Is 91 prime?', settings);
      t.push({ type: 'reasoning-delta', text: 'Try 7.' });
      await settle();
      t.nextFrame();

      t.advance(STALL_AFTER_MS - 1);
      expect(t.assistant().state.stalledAt).toBeUndefined();
      const count = t.snapshots.length;
      t.advance(1);
      // Published at once: no frame is pending while the stream is quiet.
      expect(t.snapshots).toHaveLength(count + 1);
      expect(t.assistant().state).toMatchObject({ status: 'reasoning', stalledAt: 1_030_000 });

      t.push(); // a read that completed no event (a keep-alive comment) still counts as data
      await settle();
      t.nextFrame();
      expect(t.assistant().state.stalledAt).toBeUndefined();

      t.push({ type: 'done' });
      t.finish();
      await sent;
      expect(t.pendingTimers()).toBe(0);
    });

    it('re-arms on every batch, so a slow but steady stream never stalls', async () => {
      const t = setup();
      const sent = t.session.send('Is 91 prime?', settings);
      for (let i = 0; i < 5; i += 1) {
        t.advance(STALL_AFTER_MS - 1_000);
        t.push({ type: 'reasoning-delta', text: '.' });
        await settle();
      }
      t.nextFrame();
      expect(t.assistant().state).toMatchObject({ reasoning: '.....' });
      expect(t.assistant().state.stalledAt).toBeUndefined();
      // Quiet from the last batch on: stalled exactly STALL_AFTER_MS after it, not later.
      t.advance(STALL_AFTER_MS - 1);
      expect(t.assistant().state.stalledAt).toBeUndefined();
      t.advance(1);
      expect(t.assistant().state.stalledAt).toBeDefined();
      t.push({ type: 'done' });
      t.finish();
      await sent;
    });

    it('cancels the watchdog when the reply is stopped', async () => {
      const t = setup();
      const sent = t.session.send('Is 91 prime?', settings);
      t.session.stop();
      await sent;
      expect(t.pendingTimers()).toBe(0);
      t.advance(STALL_AFTER_MS * 2);
      expect(t.assistant().state).toMatchObject({ status: 'stopped', stalledAt: undefined });
    });
  });

  // Regression: a stopped request that unwinds late must not touch the reply that replaced it.
  it('a send right after stop() is not disturbed by the stopped request unwinding', async () => {
    const t = setup();
    const first = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7.' });
    await settle();

    t.session.stop();
    const second = t.session.send('And 97?', settings);
    await first;

    expect(t.assistant().state.status).toBe('waiting');
    expect(t.session.getSnapshot().isStreaming).toBe(true);
    t.session.stop();
    expect(t.calls[1]!.signal.aborted).toBe(true);
    await second;
  });

  // Regression: the same race, reached through Retry on the reply that is streaming.
  it('retrying the streaming reply adds a version that keeps streaming', async () => {
    const t = setup();
    const first = t.session.send('Is 91 prime?', settings);
    t.push({ type: 'reasoning-delta', text: 'Try 7.' });
    await settle();

    const retried = t.session.regenerate(t.assistant().id, settings);
    await first;

    expect(roles(t.session.getSnapshot().messages)).toEqual(['user', 'assistant']);
    expect(t.session.getSnapshot().path[1]).toMatchObject({ versionIndex: 1 });
    expect(t.session.getSnapshot().path[1]?.versionIds).toHaveLength(2);
    expect(t.assistant().state.status).toBe('waiting');
    expect(t.session.getSnapshot().isStreaming).toBe(true);
    t.push({ type: 'answer-delta', text: 'No.' }, { type: 'done' });
    t.finish();
    await retried;
    expect(t.assistant().state).toMatchObject({ status: 'done', answer: 'No.' });
  });
});
