import { describe, expect, it } from 'vitest';
import {
  applyStreamEvent,
  createAssistantMessage,
  isStreaming,
  type AssistantMessageEvent,
  type AssistantMessageState,
} from './assistant-message';

/** Applies events in order, the i-th at time `start + i`. */
function run(
  events: readonly AssistantMessageEvent[],
  start = 100,
  state: AssistantMessageState = createAssistantMessage(),
): AssistantMessageState {
  return events.reduce((next, event, index) => applyStreamEvent(next, event, start + index), state);
}

const sent: AssistantMessageEvent = { type: 'request-sent' };
const think = (text: string): AssistantMessageEvent => ({ type: 'reasoning-delta', text });
const say = (text: string): AssistantMessageEvent => ({ type: 'answer-delta', text });
const finish = (finishReason: string): AssistantMessageEvent => ({ type: 'finish', finishReason });
const done: AssistantMessageEvent = { type: 'done' };
const streamEnd: AssistantMessageEvent = { type: 'stream-end' };

describe('createAssistantMessage', () => {
  it('starts empty and waiting, with no timing', () => {
    expect(createAssistantMessage()).toEqual({
      reasoning: '',
      answer: '',
      status: 'waiting',
      timing: {},
      malformedChunks: 0,
      sawDone: false,
    });
  });
});

describe('applyStreamEvent: the normal path', () => {
  it('goes waiting → reasoning → answering → done and appends the text', () => {
    const statuses: string[] = [];
    let state = createAssistantMessage();
    const events = [sent, think('Let me '), think('think.'), say('The answer'), say(' is 4.')];
    for (const [index, event] of [...events, finish('stop'), done, streamEnd].entries()) {
      state = applyStreamEvent(state, event, 1000 + index);
      statuses.push(state.status);
    }
    expect(statuses).toEqual([
      'waiting',
      'reasoning',
      'reasoning',
      'answering',
      'answering',
      'answering',
      'done',
      'done',
    ]);
    expect(state.reasoning).toBe('Let me think.');
    expect(state.answer).toBe('The answer is 4.');
    expect(state.finishReason).toBe('stop');
    expect(state.sawDone).toBe(true);
  });

  it('takes every time from the now argument: sent, first reasoning, first answer, end', () => {
    let state = createAssistantMessage();
    state = applyStreamEvent(state, sent, 10);
    state = applyStreamEvent(state, think('a'), 25);
    state = applyStreamEvent(state, think('b'), 30);
    state = applyStreamEvent(state, say('c'), 47);
    state = applyStreamEvent(state, say('d'), 50);
    state = applyStreamEvent(state, finish('stop'), 60);
    state = applyStreamEvent(state, done, 61);
    state = applyStreamEvent(state, streamEnd, 99);
    expect(state.timing).toEqual({
      requestSentAt: 10,
      firstTokenAt: 25,
      firstReasoningAt: 25,
      firstAnswerAt: 47,
      endedAt: 61,
    });
  });

  // Issue 11: a continued reply showed "-3.7 s to first token".
  it('times each request on its own: a second request gets its own first token and end', () => {
    let state = createAssistantMessage();
    state = applyStreamEvent(state, sent, 10);
    state = applyStreamEvent(state, think('a'), 25);
    state = applyStreamEvent(state, say('b'), 40);
    state = applyStreamEvent(state, finish('length'), 50);
    state = applyStreamEvent(state, streamEnd, 51);
    expect(state.status).toBe('truncated');

    state = applyStreamEvent(state, sent, 5_000);
    expect(state.timing).toEqual({ requestSentAt: 5_000, firstReasoningAt: 25, firstAnswerAt: 40 });
    state = applyStreamEvent(state, say('c'), 5_300);
    state = applyStreamEvent(state, say('d'), 5_400);
    state = applyStreamEvent(state, done, 5_500);
    expect(state.timing).toEqual({
      requestSentAt: 5_000,
      firstTokenAt: 5_300,
      firstReasoningAt: 25,
      firstAnswerAt: 40,
      endedAt: 5_500,
    });
  });

  it('goes straight to answering when there is no reasoning', () => {
    const state = run([sent, say('hi'), finish('stop'), done]);
    expect(state.status).toBe('done');
    expect(state.timing.firstReasoningAt).toBeUndefined();
    expect(state.timing.firstAnswerAt).toBe(101);
  });

  it('stays answering when reasoning arrives after answer text', () => {
    const state = run([sent, say('a'), think('b')]);
    expect(state.status).toBe('answering');
    expect(state.reasoning).toBe('b');
  });

  it('ends as done at the end of the body after a finish reason, even without [DONE]', () => {
    const state = run([sent, say('a'), finish('stop'), streamEnd]);
    expect(state).toMatchObject({ status: 'done', sawDone: false, timing: { endedAt: 103 } });
  });

  it('ends as done on [DONE] without a finish reason', () => {
    expect(run([sent, say('a'), done]).status).toBe('done');
  });
});

describe('applyStreamEvent: ways a message ends early', () => {
  it('stopped keeps the partial text and records the end time', () => {
    const state = run([sent, think('half a '), say('partial'), { type: 'stopped' }]);
    expect(state).toMatchObject({
      status: 'stopped',
      reasoning: 'half a ',
      answer: 'partial',
      timing: { endedAt: 103 },
    });
    expect(state.error).toBeUndefined();
  });

  it('finish reason length ends as truncated, on [DONE] or at the end of the body', () => {
    expect(run([sent, think('a'), finish('length'), done]).status).toBe('truncated');
    expect(run([sent, say('a'), finish('length'), streamEnd]).status).toBe('truncated');
  });

  it('a body that ends with neither finish reason nor [DONE] is a network error', () => {
    const state = run([sent, think('a'), say('b'), streamEnd]);
    expect(state.status).toBe('error');
    expect(state.error?.kind).toBe('network');
    expect(state.error?.message).not.toBe('');
    expect(state.answer).toBe('b');
    expect(state.timing.endedAt).toBe(103);
  });

  it('a lost connection is a network error with its message, keeping the text', () => {
    const state = run([sent, say('b'), { type: 'connection-lost', message: 'Failed to fetch' }]);
    expect(state).toMatchObject({
      status: 'error',
      answer: 'b',
      error: { kind: 'network', message: 'Failed to fetch' },
    });
  });

  it('a provider error keeps the text, message and code, and [DONE] after it leaves the error', () => {
    const error = { message: 'Token limit reached', code: '400' };
    const state = run([
      sent,
      think('a'),
      finish('length'),
      { type: 'provider-error', error },
      done,
    ]);
    expect(state).toMatchObject({
      status: 'error',
      reasoning: 'a',
      finishReason: 'length',
      sawDone: true,
      error: { kind: 'provider', message: 'Token limit reached', code: '400' },
      timing: { endedAt: 103 },
    });
    expect(applyStreamEvent(state, streamEnd, 500).status).toBe('error');
  });

  it('keeps the first provider error when a second one arrives', () => {
    const first = { type: 'provider-error', error: { message: 'first' } } as const;
    const second = { type: 'provider-error', error: { message: 'second' } } as const;
    expect(run([sent, first, second]).error?.message).toBe('first');
  });

  it('an HTTP error keeps the status code and the provider message', () => {
    const state = run([
      sent,
      { type: 'http-error', status: 402, error: { message: 'Insufficient Balance', code: 'x' } },
    ]);
    expect(state).toMatchObject({
      status: 'error',
      error: { kind: 'http', status: 402, message: 'Insufficient Balance', code: 'x' },
      timing: { requestSentAt: 100, endedAt: 101 },
    });
  });
});

describe('applyStreamEvent: after the end', () => {
  const ended = {
    done: run([sent, say('a'), finish('stop'), done]),
    stopped: run([sent, say('a'), { type: 'stopped' }]),
    truncated: run([sent, say('a'), finish('length'), done]),
    error: run([sent, say('a'), { type: 'connection-lost', message: 'gone' }]),
  };

  it.each(Object.entries(ended))(
    '%s ignores later text, stop, end and lost connections',
    (_, state) => {
      expect(isStreaming(state.status)).toBe(false);
      for (const event of [
        think('late'),
        say('late'),
        { type: 'stopped' },
        streamEnd,
        { type: 'connection-lost', message: 'late' },
      ] satisfies AssistantMessageEvent[]) {
        expect(applyStreamEvent(state, event, 9999)).toBe(state);
      }
    },
  );

  it('keeps usage that arrives after the finish reason and after [DONE]', () => {
    const usage = { promptTokens: 5, completionTokens: 7, reasoningTokens: 3, totalTokens: 12 };
    const afterFinish = run([sent, say('a'), finish('stop'), { type: 'usage', usage }, done]);
    expect(afterFinish).toMatchObject({ status: 'done', usage });
    const afterDone = applyStreamEvent(ended.done, { type: 'usage', usage }, 500);
    expect(afterDone).toMatchObject({ status: 'done', usage, answer: 'a' });
    expect(afterDone.timing).toEqual(ended.done.timing);
  });

  it('lets a later usage event win over an earlier one', () => {
    const state = run([
      sent,
      { type: 'usage', usage: { promptTokens: 5, totalTokens: 5 } },
      { type: 'usage', usage: { promptTokens: 6, completionTokens: 2, totalTokens: 8 } },
    ]);
    expect(state.usage).toEqual({ promptTokens: 6, completionTokens: 2, totalTokens: 8 });
  });

  it('records a provider error that arrives after the message ended, keeping text and first end time', () => {
    // OpenRouter can send an error chunk after `finish_reason` and `[DONE]`.
    const error = { type: 'provider-error', error: { message: 'x', code: '502' } } as const;
    for (const before of [ended.done, ended.truncated, ended.stopped]) {
      const state = applyStreamEvent(before, error, 9);
      expect(state).toMatchObject({
        status: 'error',
        answer: 'a',
        error: { kind: 'provider', message: 'x', code: '502' },
      });
      expect(state.timing.endedAt).toBe(before.timing.endedAt);
    }
  });
});

describe('applyStreamEvent: bookkeeping and purity', () => {
  it('counts malformed chunks without ending the message', () => {
    const malformed = { type: 'malformed', data: '{oops', reason: 'bad JSON' } as const;
    const state = run([sent, say('a'), malformed, malformed, say('b'), finish('stop'), done]);
    expect(state).toMatchObject({ malformedChunks: 2, answer: 'ab', status: 'done' });
  });

  it('never mutates the state it is given', () => {
    const events: AssistantMessageEvent[] = [
      sent,
      think('a'),
      say('b'),
      { type: 'malformed', data: 'x', reason: 'y' },
      { type: 'usage', usage: { totalTokens: 1 } },
      { type: 'usage', usage: { promptTokens: 1 } },
      finish('length'),
      { type: 'provider-error', error: { message: 'e' } },
      { type: 'http-error', status: 500, error: { message: 'h' } },
      { type: 'connection-lost', message: 'c' },
      { type: 'stopped' },
      done,
      streamEnd,
    ];
    const states = [
      createAssistantMessage(),
      run([sent]),
      run([sent, think('r')]),
      run([sent, say('s'), { type: 'usage', usage: { totalTokens: 3 } }]),
      run([sent, say('s'), finish('stop'), done]),
    ];
    for (const state of states) {
      const snapshot = structuredClone(state);
      deepFreeze(state);
      for (const event of events) applyStreamEvent(state, event, 12345);
      expect(state).toEqual(snapshot);
    }
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('reasoning arrivals (issue 13)', () => {
  it('records when reasoning arrived, one checkpoint per resolution window', () => {
    let state = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, 900);
    state = applyStreamEvent(state, { type: 'reasoning-delta', text: 'abc' }, 1000);
    state = applyStreamEvent(state, { type: 'reasoning-delta', text: 'de' }, 1100);
    state = applyStreamEvent(state, { type: 'reasoning-delta', text: 'fgh' }, 2000);
    state = applyStreamEvent(state, { type: 'answer-delta', text: 'answer' }, 2500);
    expect(state.reasoningArrivals).toEqual([0, 1000, 5, 2000]);
  });

  it('times reasoning moved over from the answer from the first answer token', () => {
    let state = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, 900);
    state = applyStreamEvent(state, { type: 'answer-delta', text: 'was thinking' }, 1000);
    state = applyStreamEvent(state, { type: 'answer-is-reasoning' }, 3000);
    state = applyStreamEvent(state, { type: 'reasoning-delta', text: ' more' }, 3500);
    expect(state.reasoningArrivals).toEqual([0, 1000, 12, 3500]);
  });
});

describe('applyStreamEvent: lifecycle events', () => {
  it('marks a stall once, with its time, and clears it when data comes again', () => {
    const streaming = run([sent, think('a')]);
    const stalled = applyStreamEvent(streaming, { type: 'stalled' }, 5_000);
    expect(stalled.stalledAt).toBe(5_000);
    expect(applyStreamEvent(stalled, { type: 'stalled' }, 9_000)).toBe(stalled);
    const resumed = applyStreamEvent(stalled, { type: 'data-received' }, 9_500);
    expect(resumed.stalledAt).toBeUndefined();
    expect(resumed.reasoning).toBe('a');
    expect(applyStreamEvent(streaming, { type: 'data-received' }, 9_500)).toBe(streaming);
    const ended = run([sent, say('b'), done]);
    expect(applyStreamEvent(ended, { type: 'stalled' }, 9_000)).toBe(ended);
  });

  it('ends a streaming message as interrupted, keeping its text, and leaves an ended one', () => {
    const state = applyStreamEvent(run([sent, say('partial')]), { type: 'interrupted' }, 7_000);
    expect(state).toMatchObject({ status: 'interrupted', answer: 'partial' });
    expect(state.timing.endedAt).toBe(7_000);
    const ended = run([sent, say('b'), done]);
    expect(applyStreamEvent(ended, { type: 'interrupted' }, 9_000)).toBe(ended);
  });

  it('keeps the code of a connection that got no response, and none when none was given', () => {
    const refused = run([
      sent,
      { type: 'connection-lost', message: 'refused', code: 'cors-refused' },
    ]);
    expect(refused.error).toEqual({ kind: 'network', message: 'refused', code: 'cors-refused' });
    const lost = run([sent, { type: 'connection-lost', message: 'Failed to fetch' }]);
    expect(lost.error).toEqual({ kind: 'network', message: 'Failed to fetch' });
  });

  it('notes hidden reasoning once: reasoning status and first-token time from the first notice', () => {
    const state = run([sent, { type: 'reasoning-hidden' }, { type: 'reasoning-hidden' }], 100);
    expect(state).toMatchObject({ status: 'reasoning', hasHiddenReasoning: true, reasoning: '' });
    expect(state.timing).toMatchObject({ firstReasoningAt: 101, firstTokenAt: 101 });
    const answering = run([sent, say('a'), { type: 'reasoning-hidden' }], 100);
    expect(answering).toMatchObject({ status: 'answering', hasHiddenReasoning: true });
    expect(answering.timing).toMatchObject({ firstAnswerAt: 101, firstTokenAt: 101 });
    expect(answering.timing.firstReasoningAt).toBe(102);
    const ended = run([sent, say('b'), done]);
    expect(applyStreamEvent(ended, { type: 'reasoning-hidden' }, 9_000)).toBe(ended);
    const noted = run([sent, { type: 'reasoning-hidden' }]);
    expect(applyStreamEvent(noted, { type: 'reasoning-hidden' }, 9_000)).toBe(noted);
  });

  it('moves no answer into reasoning when there is none, or after the end', () => {
    const waiting = run([sent, think('r')]);
    expect(applyStreamEvent(waiting, { type: 'answer-is-reasoning' }, 500)).toBe(waiting);
    const ended = run([sent, say('b'), done]);
    expect(applyStreamEvent(ended, { type: 'answer-is-reasoning' }, 500)).toBe(ended);
    const moved = run([sent, say('thought'), { type: 'answer-is-reasoning' }]);
    expect(moved).toMatchObject({ status: 'reasoning', reasoning: 'thought', answer: '' });
  });
});
