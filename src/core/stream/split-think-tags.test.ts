import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  everyByte,
  listChatCompletionsRecordings,
  randomSplitPoints,
  readRecording,
  replay,
} from '../../testing/recordings';
import { replayWithThinkSplitter } from '../../testing/replay-with-splitter';
import {
  applyStreamEvent,
  createAssistantMessage,
  type AssistantMessageState,
} from './assistant-message';
import { createThinkSplitter } from './split-think-tags';
import type { StreamEvent } from './stream-event';
import { sampledInMutationRun } from '../../testing/mutation-run';

// ---- A reference splitter: the whole content at once, written independently of the incremental one.

interface Parts {
  reasoning: string;
  answer: string;
}

const OPENING_TAGS = ['<think>', '<thinking>', '<reasoning>'];
/** `</reasoning>` is the longest tag, 12 characters: the splitter holds back at most 11. */
const MOST_HELD = '</reasoning>'.length - 1;

/**
 * The rules on a complete string: an opening tag right after leading whitespace makes a block that
 * ends at its own closing tag; otherwise, if the first tag anywhere is a closing one, the text before
 * it was reasoning. Leading whitespace of the content, the block's reasoning and the answer after a
 * closing tag is dropped.
 */
function referenceSplit(content: string): Parts {
  const text = content.trimStart();
  const opening = OPENING_TAGS.find((tag) => text.startsWith(tag));
  if (opening !== undefined) {
    const body = text.slice(opening.length);
    const closing = opening.replace('<', '</');
    const end = body.indexOf(closing);
    if (end === -1) return { reasoning: body.trimStart(), answer: '' };
    return {
      reasoning: body.slice(0, end).trimStart(),
      answer: body.slice(end + closing.length).trimStart(),
    };
  }
  const first = /<(\/?)(?:think|thinking|reasoning)>/.exec(text);
  if (first === null || first[1] === '') return { reasoning: '', answer: text };
  return {
    reasoning: text.slice(0, first.index),
    answer: text.slice(first.index + first[0].length).trimStart(),
  };
}

// ---- Helpers.

const say = (text: string): StreamEvent => ({ type: 'answer-delta', text });
const think = (text: string): StreamEvent => ({ type: 'reasoning-delta', text });

/** Every way a content string is cut: whole, in two at every position, one character at a time. */
function chunkings(content: string): string[][] {
  const ways = [[content]];
  for (let at = 1; at < content.length; at += 1)
    ways.push([content.slice(0, at), content.slice(at)]);
  ways.push(content.split(''));
  return ways;
}

/** Runs events through a fresh splitter, then `end()`; checks that no text delta is empty. */
function split(events: readonly StreamEvent[]): StreamEvent[] {
  const splitter = createThinkSplitter();
  const out = [...events.flatMap((event) => splitter.push(event)), ...splitter.end()];
  for (const event of out) {
    if (event.type === 'answer-delta' || event.type === 'reasoning-delta') {
      expect(event.text).not.toBe('');
    }
  }
  return out;
}

/** Applies events to a fresh message, as the app does, and ends the stream. */
function reduce(events: readonly StreamEvent[]): AssistantMessageState {
  let state = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, 0);
  events.forEach((event, index) => {
    state = applyStreamEvent(state, event, index + 1);
  });
  return applyStreamEvent(state, { type: 'stream-end' }, events.length + 1);
}

/** The reasoning and answer a message ends with, after the splitter and the reducer. */
function messageOf(events: readonly StreamEvent[]): Parts {
  const { reasoning, answer } = reduce(split(events));
  return { reasoning, answer };
}

/**
 * Asserts that `content` gives `expected` however it is cut (see {@link chunkings}), with `before`
 * events sent ahead of it.
 */
function expectEveryChunking(
  content: string,
  expected: Parts,
  before: readonly StreamEvent[] = [],
): void {
  for (const chunks of chunkings(content)) {
    expect(messageOf([...before, ...chunks.map(say)]), JSON.stringify(chunks)).toEqual(expected);
  }
}

/** The events each push returns, one array per pushed event, then what `end()` returns. */
function pushEach(events: readonly StreamEvent[]): StreamEvent[][] {
  const splitter = createThinkSplitter();
  return [...events.map((event) => splitter.push(event)), splitter.end()];
}

// ---- Random contents built from tag pieces, and random cuts, for the properties.

const contentArb = fc
  .array(
    fc.constantFrom(
      '<think>',
      '</think>',
      '<thinking>',
      '</thinking>',
      '<reasoning>',
      '</reasoning>',
      '<thi',
      'nk>',
      'ing>',
      '</',
      '<',
      '>',
      '/',
      ' ',
      '\n',
      '\t',
      'word',
      'think',
      'é',
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(''));

const cutsArb = fc.array(fc.nat(), { maxLength: 12 });

/** Cuts `text` at the given positions (taken modulo its length). */
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

// ---- The rules.

describe('rule 1: tags cut anywhere', () => {
  it.each(['think', 'thinking', 'reasoning'])(
    'recognizes <%s>…</…> cut at every character',
    (name) => {
      const content = `<${name}>\nStep one.\nStep two.\n</${name}>\n\nThe answer is 4.`;
      expectEveryChunking(content, {
        reasoning: 'Step one.\nStep two.\n',
        answer: 'The answer is 4.',
      });
    },
  );

  it('holds back only a possible tag, and releases it as soon as it cannot be one', () => {
    const pieces = ['<', 'thi', 'nk>Plan ', '<', '/th', 'x', ' done</', 'think', '>A <', 'b'];
    expect(pushEach(pieces.map(say))).toEqual([
      [],
      [],
      [think('Plan ')],
      [],
      [],
      [think('</thx')],
      [think(' done')],
      [],
      [say('A <')],
      [say('b')],
      [],
    ]);
  });

  it('never holds back more than the longest tag minus one character', () => {
    expect(pushEach([say('x</reasoning'), say('<'), say('>')])).toEqual([
      [say('x')],
      [say('</reasoning')],
      [say('<>')],
      [],
    ]);
    expect(pushEach([say('<<<<<<<<')])).toEqual([[say('<<<<<<<')], [say('<')]]);
  });

  it('holds back at most 11 characters after any push (property, against the reference)', () => {
    fc.assert(
      fc.property(contentArb, cutsArb, (content, cuts) => {
        const splitter = createThinkSplitter();
        let state = createAssistantMessage();
        let pushed = '';
        for (const chunk of cutAt(content, cuts)) {
          pushed += chunk;
          for (const event of splitter.push(say(chunk))) state = applyStreamEvent(state, event, 1);
          const reference = referenceSplit(pushed);
          const lag =
            reference.reasoning.length +
            reference.answer.length -
            (state.reasoning.length + state.answer.length);
          expect(lag).toBeGreaterThanOrEqual(0);
          expect(lag).toBeLessThanOrEqual(MOST_HELD);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Timing means nothing in instrumented code (vitest.mutation.config.ts); the text checks still run.
  it('does work proportional to the pushed text (no rescans of what came before)', () => {
    const splitter = createThinkSplitter();
    const pattern = '</thinkin'.repeat(40_000);
    const started = performance.now();
    let answer = '';
    for (const event of [...[...`x${pattern}`].map(say), say('X tail')]) {
      for (const out of splitter.push(event)) if (out.type === 'answer-delta') answer += out.text;
    }
    const longPush = splitter.push(say(`${'<'.repeat(200_000)}/think`));
    if (process.env.MUTATION_RUN !== '1') expect(performance.now() - started).toBeLessThan(2000);
    expect(answer).toBe(`x${pattern}X tail`);
    expect(longPush).toEqual([say('<'.repeat(199_999))]);
  });
});

describe('rule 2: an opening tag counts only at the start of the content', () => {
  it('drops leading whitespace before the opening tag', () => {
    expectEveryChunking(' \n\t <think>\nWhy?\n</think>\nBecause.', {
      reasoning: 'Why?\n',
      answer: 'Because.',
    });
  });

  it('keeps tags after the answer has begun as literal answer text', () => {
    const content = 'Use <think> tags, like <think>this</think>, to mark reasoning.';
    expectEveryChunking(content, { reasoning: '', answer: content });
    expectEveryChunking(`\n\n${content}`, { reasoning: '', answer: content });
  });

  it('shows things that only look like tags as written', () => {
    const content = '<thinker> and <b>bold</b> and <think > and <THINK>';
    expectEveryChunking(content, { reasoning: '', answer: content });
    expectEveryChunking('<thi', { reasoning: '', answer: '<thi' });
  });
});

describe('rule 3: inside a block, reasoning up to the matching closing tag', () => {
  it('ignores other closing tags inside, and keeps every tag after the block literal', () => {
    const content = '<think>a</thinking>b</reasoning>c</think>\nAnswer <think>d</think> e</think>';
    expectEveryChunking(content, {
      reasoning: 'a</thinking>b</reasoning>c',
      answer: 'Answer <think>d</think> e</think>',
    });
  });

  it('gives an empty block no reasoning, and keeps the answer after it', () => {
    expectEveryChunking('<think>\n\n</think>\n\nHi.', { reasoning: '', answer: 'Hi.' });
  });
});

describe('rule 4: template-opened blocks (only the closing tag arrives)', () => {
  it('moves the text before the first closing tag into reasoning, cut at every character', () => {
    expectEveryChunking('Reasoning here.\n</think>\n\nThe answer.', {
      reasoning: 'Reasoning here.\n',
      answer: 'The answer.',
    });
  });

  it('emits the answer so far, then answer-is-reasoning, for a tag cut over seven chunks', () => {
    const pieces = ['Plan', '<', '/', 'th', 'i', 'n', 'k', '>', '\n\n', 'Answer'];
    expect(split(pieces.map(say))).toEqual([
      say('Plan'),
      { type: 'answer-is-reasoning' },
      say('Answer'),
    ]);
  });

  it.each(['thinking', 'reasoning'])('recognizes </%s> too', (name) => {
    expectEveryChunking(`R.</${name}>A.`, { reasoning: 'R.', answer: 'A.' });
  });

  it('counts only the first closing tag; later ones are literal', () => {
    expectEveryChunking('R</think>A</think>B</reasoning><think>', {
      reasoning: 'R',
      answer: 'A</think>B</reasoning><think>',
    });
  });

  it('treats a closing tag at the very start as an empty block', () => {
    expectEveryChunking('\n</think>\n\nAnswer', { reasoning: '', answer: 'Answer' });
  });
});

describe('rule 5: end of stream', () => {
  it('keeps an unclosed block as reasoning, including a partial tag at its end', () => {
    expectEveryChunking('<think>\nStill thinking </thin', {
      reasoning: 'Still thinking </thin',
      answer: '',
    });
  });

  it('releases a held partial tag into the answer outside a block', () => {
    expectEveryChunking('Compare a <', { reasoning: '', answer: 'Compare a <' });
    expectEveryChunking('Done </thin', { reasoning: '', answer: 'Done </thin' });
  });

  it('releases held text before done and provider-error, which end the message', () => {
    const done: StreamEvent = { type: 'done' };
    expect(pushEach([say('x <'), done])).toEqual([[say('x ')], [say('<'), done], []]);
    const error: StreamEvent = { type: 'provider-error', error: { message: 'boom' } };
    expect(pushEach([say('<think>a</'), error])).toEqual([[think('a')], [think('</'), error], []]);
    for (const chunks of chunkings('Answer </thi')) {
      const message = reduce(split([...chunks.map(say), done]));
      expect(message.answer).toBe('Answer </thi');
      expect(message.status).toBe('done');
    }
  });
});

describe('rule 6: reasoning from dedicated fields wins', () => {
  const content = '<think>\nPlan, again.\n</think>\n\nAnswer.';

  it('drops tagged reasoning after a reasoning-delta came first', () => {
    expectEveryChunking(content, { reasoning: 'Plan.', answer: 'Answer.' }, [think('Plan.')]);
  });

  it('drops tagged reasoning from the moment a reasoning-delta arrives inside the block', () => {
    const rest = content.slice('<think>'.length);
    for (const chunks of chunkings(rest)) {
      const events = [say('<think>'), think('Plan.'), ...chunks.map(say)];
      expect(messageOf(events), JSON.stringify(chunks)).toEqual({
        reasoning: 'Plan.',
        answer: 'Answer.',
      });
    }
  });

  it('keeps reasoning a block gave before the reasoning-delta, and drops the rest', () => {
    expect(messageOf([say('<think>First'), think(' field'), say(' dup</think>Answer')])).toEqual({
      reasoning: 'First field',
      answer: 'Answer',
    });
  });

  it('leaves a closing tag in untagged content as answer text', () => {
    const answer = 'R1 ends its reasoning with `</think>`.';
    expectEveryChunking(answer, { reasoning: 'Plan.', answer }, [think('Plan.')]);
  });
});

describe('other events', () => {
  it('pass through at once and in order, while a partial tag stays held across them', () => {
    const usage: StreamEvent = { type: 'usage', usage: { totalTokens: 3 } };
    const finish: StreamEvent = { type: 'finish', finishReason: 'stop' };
    expect(pushEach([say('R </th'), usage, say('ink>A'), finish])).toEqual([
      [say('R ')],
      [usage],
      [{ type: 'answer-is-reasoning' }, say('A')],
      [finish],
      [],
    ]);
  });
});

// ---- Property: the incremental splitter under random chunking equals the reference.

describe('property', () => {
  it('equals the reference splitter on the whole string, under random chunking', () => {
    fc.assert(
      fc.property(contentArb, cutsArb, (content, cuts) => {
        expect(messageOf(cutAt(content, cuts).map(say))).toEqual(referenceSplit(content));
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- Recordings: parser → normalizer → splitter → reducer.

interface RawChunk {
  choices?: { delta?: { content?: unknown; reasoning?: unknown; reasoning_content?: unknown } }[];
}

/** All `delta.content` strings and all dedicated reasoning, read with plain line splitting. */
function readDeltas(bytes: Uint8Array): { content: string; fieldReasoning: string } {
  let content = '';
  let fieldReasoning = '';
  for (const line of new TextDecoder().decode(bytes).split(/\r?\n/)) {
    const data = line.startsWith('data:') ? line.slice(5).trim() : '';
    if (data === '' || data === '[DONE]') continue;
    const delta = (JSON.parse(data) as RawChunk).choices?.[0]?.delta ?? {};
    if (typeof delta.content === 'string') content += delta.content;
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (typeof reasoning === 'string') fieldReasoning += reasoning;
  }
  return { content, fieldReasoning };
}

const TAGGED_RECORDINGS = [
  'groq-r1-distill-reasoning-format-raw-think-in-content-pydantic-ai.part1.sse',
  'together-via-hf-router-deepseek-r1-think-in-content-pydantic-ai.sse',
  'llamacpp-tiny-random-think-in-content-template-opened.sse',
];
const SPLIT_RECORDINGS = [
  ...TAGGED_RECORDINGS,
  // The second request of the Groq round trip carried tools, which rule out `raw`: its reasoning
  // comes in `delta.reasoning` and its content has no tags.
  'groq-r1-distill-reasoning-format-raw-think-in-content-pydantic-ai.part2.sse',
];

describe('rule 7: recordings with reasoning in content', () => {
  describe.each(SPLIT_RECORDINGS)('%s', (name) => {
    const bytes = readRecording(name);
    const { content, fieldReasoning } = readDeltas(bytes);
    const reference = referenceSplit(content);
    const whole = replayWithThinkSplitter(bytes);

    it('splits like the reference on the concatenated content, with no tag left in the answer', () => {
      expect(whole.reasoning).toBe(fieldReasoning + reference.reasoning);
      expect(whole.answer).toBe(reference.answer);
      expect(whole.reasoning).not.toBe('');
      expect(whole.answer).not.toBe('');
      expect(whole.answer).not.toMatch(/<\/?think>/);
      expect(whole.status).toBe('done');
      if (TAGGED_RECORDINGS.includes(name)) expect(content).toContain('</think>');
    });

    it('gives the same message fed one byte at a time', () => {
      expect(replayWithThinkSplitter(bytes, everyByte(bytes.length))).toEqual(whole);
    });

    it('gives the same message cut at seeded random points', () => {
      for (const seed of sampledInMutationRun([3, 17, 4242, 99991], [3])) {
        const points = randomSplitPoints(bytes.length, seed);
        expect(replayWithThinkSplitter(bytes, points), `seed ${seed}`).toEqual(whole);
      }
    });
  });

  it('reads the JSON-escaped Groq tags after JSON.parse, where they are plain tags', () => {
    const name = 'groq-r1-distill-reasoning-format-raw-think-in-content-pydantic-ai.part1.sse';
    const raw = new TextDecoder().decode(readRecording(name));
    expect(raw).toContain('\\u003cthink\\u003e');
    expect(raw).not.toContain('<think>');
    const message = replayWithThinkSplitter(readRecording(name));
    expect(message.reasoning.startsWith('Okay, so I want to make Uruguayan alfajores.')).toBe(true);
    expect(message.answer.startsWith('To make Uruguayan alfajores')).toBe(true);
  });

  it('moves the template-opened llama.cpp reasoning out of the answer', () => {
    const name = 'llamacpp-tiny-random-think-in-content-template-opened.sse';
    const message = replayWithThinkSplitter(readRecording(name));
    expect(message.reasoning).toMatch(/^alph foUni track .*intenfikbf$/);
    expect(message.answer).toBe('Avenueongo carrerahostname Basketballmina assumeP');
    expect(message.timing.firstReasoningAt).toBeLessThan(message.timing.firstAnswerAt ?? 0);
  });
});

describe('recordings without tags in content', () => {
  const untagged = listChatCompletionsRecordings().filter(
    (name) => !SPLIT_RECORDINGS.includes(name),
  );

  it.each(untagged)('%s: only loses the leading whitespace of the answer', (name) => {
    const bytes = readRecording(name);
    const plain = replay(bytes);
    const message = replayWithThinkSplitter(bytes);
    expect(message.reasoning).toBe(plain.reasoning);
    expect(message.answer).toBe(plain.answer.trimStart());
    expect([message.status, message.finishReason, message.usage, message.error]).toEqual([
      plain.status,
      plain.finishReason,
      plain.usage,
      plain.error,
    ]);
  });
});

// Issue 11: Continue showed "one double root,and when": the splitter dropped the continuation's
// leading space.
describe('a continuation (rule 7)', () => {
  /** The reasoning and answer of `content` cut into `chunks`, through a continuation splitter. */
  function continued(chunks: readonly string[]): Parts {
    const splitter = createThinkSplitter({ continuesAnswer: true });
    const events = [...chunks.flatMap((chunk) => splitter.push(say(chunk))), ...splitter.end()];
    const parts: Parts = { reasoning: '', answer: '' };
    for (const event of events) {
      if (event.type === 'answer-delta') parts.answer += event.text;
      if (event.type === 'reasoning-delta') parts.reasoning += event.text;
      expect(event.type).not.toBe('answer-is-reasoning');
    }
    return parts;
  }

  it('keeps its text exactly as streamed, leading whitespace included, however it is cut', () => {
    for (const content of [' and when', '\n\n## Next', '  ', ' <thi is not a tag', 'and when']) {
      for (const chunks of chunkings(content)) {
        expect(continued(chunks), JSON.stringify(chunks)).toEqual({
          reasoning: '',
          answer: content,
        });
      }
    }
  });

  it('still reads an opening tag at its start as reasoning', () => {
    for (const chunks of chunkings(' <think>More thought.</think> and when')) {
      expect(continued(chunks), JSON.stringify(chunks)).toEqual({
        reasoning: 'More thought.',
        answer: 'and when',
      });
    }
  });

  it('keeps a closing tag in untagged text literal: the earlier answer stays the answer', () => {
    expect(continued([' and when', '</think> more'])).toEqual({
      reasoning: '',
      answer: ' and when</think> more',
    });
  });

  it('leaves a reply that is not a continuation as before: leading whitespace dropped', () => {
    expect(messageOf([say(' and when')])).toEqual({ reasoning: '', answer: 'and when' });
  });
});
