import { describe, expect, it } from 'vitest';
import { createAssistantMessage, type AssistantMessageState } from './assistant-message';
import { estimateTokens, replyStats } from './reply-stats';

function message(overrides: Partial<AssistantMessageState>): AssistantMessageState {
  return {
    ...createAssistantMessage(),
    status: 'done',
    timing: { requestSentAt: 0, firstReasoningAt: 500, firstAnswerAt: 2_500, endedAt: 4_500 },
    ...overrides,
  };
}

describe('replyStats', () => {
  it('subtracts reasoning from completion tokens when the provider counts it inside (DeepSeek)', () => {
    const stats = replyStats(
      message({
        reasoning: 'r',
        answer: 'a',
        usage: { promptTokens: 18, completionTokens: 219, reasoningTokens: 205, totalTokens: 237 },
      }),
      0,
    );
    expect(stats).toMatchObject({ reasoningTokens: 205, answerTokens: 14, isEstimated: false });
  });

  it('keeps completion tokens as the answer when the total shows reasoning was outside (xAI)', () => {
    const stats = replyStats(
      message({
        reasoning: 'r',
        answer: 'a',
        usage: { promptTokens: 12, completionTokens: 2, reasoningTokens: 340, totalTokens: 354 },
      }),
      0,
    );
    expect(stats).toMatchObject({ reasoningTokens: 340, answerTokens: 2, isEstimated: false });
  });

  it('estimates while no usage has arrived, and says so', () => {
    const stats = replyStats(
      message({ reasoning: 'abcdefgh', answer: '你好', status: 'answering' }),
      0,
    );
    expect(stats).toMatchObject({ reasoningTokens: 2, answerTokens: 2, isEstimated: true });
  });

  it('estimates the reasoning share when usage has no reasoning count (Mistral, Anthropic)', () => {
    const stats = replyStats(
      message({ reasoning: 'x'.repeat(40), answer: 'a', usage: { completionTokens: 46 } }),
      0,
    );
    expect(stats).toMatchObject({ reasoningTokens: 10, answerTokens: 36, isEstimated: true });
  });

  it('measures time to first token and speed from the first token to the end', () => {
    const stats = replyStats(
      message({
        reasoning: 'r',
        answer: 'a',
        usage: { completionTokens: 400, reasoningTokens: 300 },
      }),
      0,
    );
    expect(stats.timeToFirstTokenMs).toBe(500);
    expect(stats.tokensPerSecond).toBe(100);
  });

  // Issue 11: a continued reply showed "-3.7 s to first token".
  it('times a continued reply by its latest request: its own first token, its own end', () => {
    const stats = replyStats(
      message({
        reasoning: 'r',
        answer: 'a',
        usage: { completionTokens: 200, reasoningTokens: 0 },
        timing: {
          requestSentAt: 60_000,
          firstTokenAt: 60_800,
          firstReasoningAt: 500,
          firstAnswerAt: 2_500,
          endedAt: 62_800,
        },
      }),
      0,
    );
    expect(stats.timeToFirstTokenMs).toBe(800);
    expect(stats.tokensPerSecond).toBe(100);
  });

  it('shows no time to first token while a continuation waits, nor for one saved without it', () => {
    // First reasoning and answer times older than the request belong to an earlier request.
    const timing = { requestSentAt: 60_000, firstReasoningAt: 500, firstAnswerAt: 2_500 };
    const waiting = replyStats(message({ status: 'waiting', answer: 'a', timing }), 61_000);
    expect(waiting.timeToFirstTokenMs).toBeUndefined();
    const saved = replyStats(message({ answer: 'a', timing: { ...timing, endedAt: 62_000 } }), 0);
    expect(saved.timeToFirstTokenMs).toBeUndefined();
    expect(saved.tokensPerSecond).toBeUndefined();
  });

  it('is never negative, even when the clock stepped back between request and token', () => {
    const timing = { requestSentAt: 5_000, firstTokenAt: 4_990, firstAnswerAt: 4_990 };
    expect(replyStats(message({ answer: 'a', timing }), 0).timeToFirstTokenMs).toBe(0);
  });

  it('has no reasoning count for a reply without reasoning', () => {
    expect(replyStats(message({ answer: 'hello there' }), 0).reasoningTokens).toBeUndefined();
  });
});

describe('estimateTokens', () => {
  it('counts CJK characters one each and other text in fours', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('hello world!')).toBe(3);
    expect(estimateTokens('日本語')).toBe(3);
  });

  it('gives the same count for growing, interleaved and shrinking texts as for each text alone', () => {
    const reasoning = 'Let me think. 日本語 means Japanese. '.repeat(20);
    const answer = '答案是 42, because six times seven. '.repeat(20);
    const fresh = (text: string) => {
      const cjk =
        text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g)?.length ?? 0;
      return text === '' ? 0 : cjk + Math.ceil((text.length - cjk) / 4);
    };
    for (let end = 0; end <= reasoning.length; end += 7) {
      const a = answer.slice(0, end);
      const r = reasoning.slice(0, end);
      expect(estimateTokens(r)).toBe(fresh(r));
      expect(estimateTokens(a)).toBe(fresh(a));
    }
    expect(estimateTokens(answer.slice(0, 5))).toBe(fresh(answer.slice(0, 5)));
    expect(estimateTokens('其他 text')).toBe(fresh('其他 text'));
  });
});

describe('replyStats, edge cases', () => {
  it('reports reasoning tokens the provider counted even when no reasoning text came', () => {
    const hidden = replyStats(message({ answer: 'abcd', usage: { reasoningTokens: 50 } }), 0);
    expect(hidden).toMatchObject({ reasoningTokens: 50, answerTokens: 1, isEstimated: true });
    const counted = replyStats(
      message({ answer: 'a', usage: { completionTokens: 80, reasoningTokens: 50 } }),
      0,
    );
    expect(counted).toMatchObject({ reasoningTokens: 50, answerTokens: 30, isEstimated: false });
  });

  it('times a message saved without firstTokenAt from its first answer, even at the request time', () => {
    const answerOnly = { requestSentAt: 1_000, firstAnswerAt: 2_000, endedAt: 3_000 };
    expect(replyStats(message({ answer: 'a', timing: answerOnly }), 0).timeToFirstTokenMs).toBe(
      1_000,
    );
    const sameTime = { requestSentAt: 1_000, firstAnswerAt: 1_000, endedAt: 3_000 };
    expect(replyStats(message({ answer: 'a', timing: sameTime }), 0).timeToFirstTokenMs).toBe(0);
  });

  it('has no timing before the first token, or without a request time', () => {
    const waiting = replyStats(
      message({ status: 'waiting', timing: { requestSentAt: 1_000 } }),
      5_000,
    );
    expect(waiting.timeToFirstTokenMs).toBeUndefined();
    expect(waiting.tokensPerSecond).toBeUndefined();
    const unsent = replyStats(message({ answer: 'abcd', timing: { firstTokenAt: 1_000 } }), 5_000);
    expect(unsent.timeToFirstTokenMs).toBeUndefined();
    expect(unsent.tokensPerSecond).toBeUndefined();
  });

  it('gives a speed from a quarter of a second on, and only with tokens', () => {
    const timing = { requestSentAt: 0, firstTokenAt: 1_000, endedAt: 1_250 };
    const usage = { completionTokens: 10, reasoningTokens: 0 };
    expect(replyStats(message({ answer: 'a', usage, timing }), 0).tokensPerSecond).toBe(40);
    const short = { ...timing, endedAt: 1_249 };
    expect(replyStats(message({ answer: 'a', usage, timing: short }), 0).tokensPerSecond).toBe(
      undefined,
    );
    const none = { completionTokens: 0, reasoningTokens: 0 };
    expect(replyStats(message({ answer: '', usage: none, timing }), 0).tokensPerSecond).toBe(
      undefined,
    );
  });
});

describe('estimateTokens, remembered counts', () => {
  it('reuses a count only for a text that starts with the counted one', () => {
    expect(estimateTokens('日x')).toBe(2);
    expect(estimateTokens('yy日x')).toBe(2);
    expect(estimateTokens('日xy日')).toBe(3);
  });
});
