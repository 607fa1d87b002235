import { describe, expect, it } from 'vitest';
import { answerSeparator, createContinuationJoiner, reasoningSeparator } from './join-continuation';
import type { StreamEvent } from './stream-event';

describe('answerSeparator', () => {
  // Issue 11: Continue showed "one double root,and when".
  it('adds a space only where neither side has whitespace at the join', () => {
    expect('root,' + answerSeparator('root,', 'and when') + 'and when').toBe('root, and when');
    expect('root,' + answerSeparator('root,', ' and when') + ' and when').toBe('root, and when');
    expect(answerSeparator('root, ', 'and when')).toBe('');
    expect(answerSeparator('a list:\n', '- item')).toBe('');
    expect(answerSeparator('root,', '\n\nAnd when')).toBe('');
    expect(answerSeparator('root,', '\tand')).toBe('');
  });

  it('adds nothing before punctuation that belongs to the word before it', () => {
    for (const mark of [',', '.', ';', ':', '!', '?', ')', ']', '…', '’']) {
      expect(answerSeparator('root', `${mark} and when`), mark).toBe('');
    }
    expect(answerSeparator('root', '(and when)')).toBe(' ');
  });

  it('adds nothing when either side is empty', () => {
    expect(answerSeparator('', 'and')).toBe('');
    expect(answerSeparator('root,', '')).toBe('');
  });
});

describe('reasoningSeparator', () => {
  it('starts the continuation’s reasoning as a new paragraph unless a line break is there', () => {
    expect(reasoningSeparator('Try 7.', 'Now the rest.')).toBe('\n\n');
    expect(reasoningSeparator('Try 7.\n', 'Now the rest.')).toBe('');
    expect(reasoningSeparator('Try 7.', '\nNow the rest.')).toBe('');
    expect(reasoningSeparator('', 'Now the rest.')).toBe('');
  });
});

describe('createContinuationJoiner', () => {
  const say = (text: string): StreamEvent => ({ type: 'answer-delta', text });
  const think = (text: string): StreamEvent => ({ type: 'reasoning-delta', text });

  it('separates only the first non-empty delta of each kind and passes the rest unchanged', () => {
    const join = createContinuationJoiner({ reasoning: 'Hmm.', answer: 'one double root,' });
    const events: StreamEvent[] = [
      { type: 'usage', usage: { promptTokens: 3 } },
      think('More'),
      think(' thought.'),
      say(''),
      say('and'),
      say(' when'),
      { type: 'done' },
    ];
    expect(events.map(join)).toEqual([
      { type: 'usage', usage: { promptTokens: 3 } },
      think('\n\nMore'),
      think(' thought.'),
      say(''),
      say(' and'),
      say(' when'),
      { type: 'done' },
    ]);
  });

  it('keeps a continuation that brings its own leading space exactly as streamed', () => {
    const join = createContinuationJoiner({ reasoning: '', answer: 'one double root,' });
    const text = [say(' and'), say(' when')].map(join).map((e) => (e as { text: string }).text);
    expect('one double root,' + text.join('')).toBe('one double root, and when');
  });
});

describe('joining, edge cases', () => {
  const say = (text: string): StreamEvent => ({ type: 'answer-delta', text });
  const think = (text: string): StreamEvent => ({ type: 'reasoning-delta', text });

  it('adds nothing to reasoning when the continuation brings none', () => {
    expect(reasoningSeparator('Try 7.', '')).toBe('');
  });

  it('decides once per kind, on the first delta with text', () => {
    const join = createContinuationJoiner({ reasoning: 'Hmm.', answer: 'root' });
    const texts = [think(''), think('More'), think('again'), say('and'), say('then')]
      .map(join)
      .map((event) => (event as { text: string }).text);
    expect(texts).toEqual(['', '\n\nMore', 'again', ' and', 'then']);
  });
});
