import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyStreamEvent,
  createAssistantMessage,
  type AssistantMessageState,
} from './assistant-message';
import { createHarmonySplitter } from './split-harmony-channels';
import type { StreamEvent } from './stream-event';

// ---- A reference: the whole content at once, tokenized with one regular expression.

interface Parts {
  reasoning: string;
  answer: string;
}

const MARKER = /(<\|(?:start|end|message|channel|constrain|return|call)\|>)/;

/**
 * The rules on a complete string (contents under 256 characters): off unless the content opens
 * with `<|start|>` or `<|channel|>`; headers up to `<|message|>` dropped; message text goes to the
 * answer for `final` (or no channel), else to reasoning; end markers dropped; between messages,
 * leading whitespace dropped and other text is answer.
 */
function referenceSplit(content: string): Parts {
  const parts: Parts = { reasoning: '', answer: '' };
  if (!/^\s*<\|(?:start|channel)\|>/.test(content)) return { reasoning: '', answer: content };
  let region: 'header' | 'message' | 'between' = 'header';
  let header = '';
  let isFinal = false;
  for (const token of content.trimStart().split(MARKER)) {
    if (token === '') continue;
    const isMarker = MARKER.test(token);
    const isOpening = token === '<|start|>' || token === '<|channel|>';
    if (region === 'header') {
      if (token !== '<|message|>') header += token;
      else {
        const channels = [...header.matchAll(/<\|channel\|>\s*([^\s<]*)/g)];
        const channel = channels.at(-1)?.[1];
        isFinal = channel === undefined || channel === '' || channel === 'final';
        region = 'message';
      }
    } else if (region === 'message') {
      if (['<|end|>', '<|return|>', '<|call|>'].includes(token)) region = 'between';
      else if (isOpening) [region, header] = ['header', token];
      else if (!isMarker) parts[isFinal ? 'answer' : 'reasoning'] += token;
    } else if (isOpening) [region, header] = ['header', token];
    else if (!isMarker && token.trimStart() !== '') {
      [region, isFinal] = ['message', true];
      parts.answer += token.trimStart();
    }
  }
  return parts;
}

// ---- Helpers.

const say = (text: string): StreamEvent => ({ type: 'answer-delta', text });
const think = (text: string): StreamEvent => ({ type: 'reasoning-delta', text });

function split(events: readonly StreamEvent[]): StreamEvent[] {
  const splitter = createHarmonySplitter();
  const out = [...events.flatMap((event) => splitter.push(event)), ...splitter.end()];
  for (const event of out) {
    if (event.type === 'answer-delta' || event.type === 'reasoning-delta') {
      expect(event.text).not.toBe('');
    }
  }
  return out;
}

function reduce(events: readonly StreamEvent[]): AssistantMessageState {
  let state = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, 0);
  events.forEach((event, index) => {
    state = applyStreamEvent(state, event, index + 1);
  });
  return applyStreamEvent(state, { type: 'stream-end' }, events.length + 1);
}

function messageOf(chunks: readonly string[]): Parts {
  const { reasoning, answer } = reduce(split(chunks.map(say)));
  return { reasoning, answer };
}

/** Whole, in two at every position, and one character at a time. */
function chunkings(content: string): string[][] {
  const ways = [[content]];
  for (let at = 1; at < content.length; at += 1)
    ways.push([content.slice(0, at), content.slice(at)]);
  ways.push(content.split(''));
  return ways;
}

function expectEveryChunking(content: string, expected: Parts): void {
  expect(referenceSplit(content), 'the reference agrees').toEqual(expected);
  for (const chunks of chunkings(content)) {
    expect(messageOf(chunks), JSON.stringify(chunks)).toEqual(expected);
  }
}

function pushEach(events: readonly StreamEvent[]): StreamEvent[][] {
  const splitter = createHarmonySplitter();
  return [...events.map((event) => splitter.push(event)), splitter.end()];
}

function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const point of [...points, text.length]) {
    if (point > start) chunks.push(text.slice(start, point));
    start = Math.max(start, point);
  }
  return chunks;
}

// ---- Synthetic harmony output, written for these tests.

const TWO_CHANNELS =
  '<|channel|>analysis<|message|>User asks 2+2. Simple.<|end|>' +
  '<|start|>assistant<|channel|>final<|message|>**4**<|return|>';

describe('rule 1: markers cut anywhere', () => {
  it('routes analysis to reasoning and final to the answer, cut at every character', () => {
    expectEveryChunking(TWO_CHANNELS, { reasoning: 'User asks 2+2. Simple.', answer: '**4**' });
  });

  it('holds back only a possible marker inside a message, and releases it when it cannot be one', () => {
    const pieces = ['<|chan', 'nel|>analysis<|message|>a <', '|en', 'x', ' b<|end|>'];
    expect(pushEach(pieces.map(say))).toEqual([
      [],
      [think('a ')],
      [],
      [think('<|enx')],
      [think(' b')],
      [],
    ]);
  });

  it('keeps a lone < in message text', () => {
    expectEveryChunking('<|channel|>final<|message|>a < b <| c<', {
      reasoning: '',
      answer: 'a < b <| c<',
    });
  });
});

describe('rule 2: on only when the content opens with a marker', () => {
  it('passes content without markers through as written', () => {
    expectEveryChunking('  The answer is 4.\n', { reasoning: '', answer: '  The answer is 4.\n' });
  });

  it('shows markup that appears after the answer began as written', () => {
    const content = 'Harmony uses <|channel|>analysis<|message|> headers.<|end|>';
    expectEveryChunking(content, { reasoning: '', answer: content });
  });

  it('drops whitespace before an opening marker', () => {
    expectEveryChunking('\n \t<|start|>assistant<|channel|>final<|message|>Hi', {
      reasoning: '',
      answer: 'Hi',
    });
  });

  it('leaves <think> tags for the next stage', () => {
    expectEveryChunking('<think>R</think>A', { reasoning: '', answer: '<think>R</think>A' });
  });
});

describe('rules 3–5: headers, channels and end markers', () => {
  it('passes commentary as reasoning and drops recipients, constraints and call markers', () => {
    const content =
      '<|channel|>analysis<|message|>Need weather.<|end|>' +
      '<|start|>assistant<|channel|>commentary to=functions.get_weather <|constrain|>json' +
      '<|message|>{"city":"Oslo"}<|call|>' +
      '<|start|>assistant<|channel|>final<|message|>Sunny.<|return|>';
    expectEveryChunking(content, {
      reasoning: 'Need weather.{"city":"Oslo"}',
      answer: 'Sunny.',
    });
  });

  it('takes a header without a channel as the answer, and a new header without <|end|>', () => {
    expectEveryChunking('<|channel|>analysis<|message|>think<|start|>assistant<|message|>answer', {
      reasoning: 'think',
      answer: 'answer',
    });
  });

  it('drops a header that never finishes, and stray markers inside a message', () => {
    expectEveryChunking(
      '<|channel|>analysis<|message|>a<|constrain|>b<|message|>c<|end|><|start|>assist',
      {
        reasoning: 'abc',
        answer: '',
      },
    );
  });

  it('shows text between messages as answer, without its leading whitespace', () => {
    expectEveryChunking('<|channel|>analysis<|message|>r<|end|>\n\n stray <|end|> \n', {
      reasoning: 'r',
      answer: 'stray ',
    });
  });

  it('shows text that runs on too long for a header as answer', () => {
    const long = 'x'.repeat(300);
    const message = messageOf([`<|channel|>${long}`, '<|message|>tail']);
    expect(message.answer).toBe(`<|channel|>${long}tail`);
    expect(messageOf([`<|channel|>${long}<|message|>tail`]).answer).toBe(`<|channel|>${long}tail`);
  });
});

describe('rule 6: end of stream and other events', () => {
  it('releases held text before done and provider-error', () => {
    const done: StreamEvent = { type: 'done' };
    expect(pushEach([say('<|channel|>final<|message|>x <|'), done])).toEqual([
      [say('x ')],
      [say('<|'), done],
      [],
    ]);
    const error: StreamEvent = { type: 'provider-error', error: { message: 'boom' } };
    expect(pushEach([say(' <|chan'), error])).toEqual([[], [say(' <|chan'), error], []]);
  });

  it('passes other events through at once while a partial marker stays held', () => {
    const usage: StreamEvent = { type: 'usage', usage: { totalTokens: 3 } };
    expect(pushEach([say('<|channel|>analysis<|message|>r<|e'), usage, say('nd|>')])).toEqual([
      [think('r')],
      [usage],
      [],
      [],
    ]);
  });
});

// ---- Property: random chunking of random markup equals the reference on the whole text.

const contentArb = fc
  .array(
    fc.constantFrom(
      '<|start|>',
      '<|end|>',
      '<|message|>',
      '<|channel|>',
      '<|constrain|>',
      '<|return|>',
      '<|call|>',
      'assistant',
      'analysis',
      'final',
      'commentary',
      '<|',
      '|>',
      '<',
      '|',
      ' ',
      '\n',
      'word',
      'é',
    ),
    { maxLength: 24 },
  )
  .map((pieces) => pieces.join(''));

describe('property', () => {
  it('equals the reference splitter on the whole string, under random chunking', () => {
    fc.assert(
      fc.property(contentArb, fc.array(fc.nat(), { maxLength: 12 }), (content, cuts) => {
        expect(messageOf(cutAt(content, cuts))).toEqual(referenceSplit(content));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals the reference for markup that opens the content, cut anywhere', () => {
    const opened = contentArb.map((rest) => `<|channel|>analysis<|message|>${rest}`);
    fc.assert(
      fc.property(opened, fc.array(fc.nat(), { maxLength: 12 }), (content, cuts) => {
        expect(messageOf(cutAt(content, cuts))).toEqual(referenceSplit(content));
      }),
      { numRuns: 2000 },
    );
  });
});
