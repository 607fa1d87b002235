import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyByte } from '../../testing/recordings';
import { replayReply } from '../../testing/replay-reply';
import type { StreamEvent } from '../stream/stream-event';
import { GeminiThoughtTags, isGeminiThought } from './gemini-thought-tags';

// ---- Synthetic Gemini-style chunks, written for these tests.

interface Piece {
  text: string;
  isThought: boolean;
}

const THOUGHT_FLAG = { google: { thought: true } };

/** A chunk the way Gemini's OpenAI-compatible endpoint flags thoughts. */
function chunk(piece: Piece): string {
  const delta = piece.isThought
    ? { role: 'assistant', content: piece.text, extra_content: THOUGHT_FLAG }
    : { role: 'assistant', content: piece.text };
  return `data: ${JSON.stringify({ choices: [{ index: 0, delta }], model: 'gemini-test' })}\n\n`;
}

function body(pieces: readonly Piece[], tail = 'data: [DONE]\n\n'): Uint8Array {
  return new TextEncoder().encode(pieces.map(chunk).join('') + tail);
}

const thought = (text: string): Piece => ({ text, isThought: true });
const answer = (text: string): Piece => ({ text, isThought: false });

/** The reference on whole texts: all thought text, all answer text, each tag stripped once. */
function reference(pieces: readonly Piece[]): { reasoning: string; answer: string } {
  const thoughts = pieces.filter((p) => p.isThought).map((p) => p.text);
  const firstAnswer = pieces.findIndex((p) => !p.isThought);
  const hadThoughts = pieces.slice(0, firstAnswer === -1 ? undefined : firstAnswer).length > 0;
  let reasoning = thoughts.join('');
  let answerText = pieces
    .filter((p) => !p.isThought)
    .map((p) => p.text)
    .join('');
  if (reasoning.startsWith('<thought>') && pieces[0]?.isThought === true) {
    reasoning = reasoning.slice('<thought>'.length);
  }
  if (hadThoughts && answerText.startsWith('</thought>'))
    answerText = answerText.slice('</thought>'.length);
  return { reasoning, answer: answerText };
}

function decode(pieces: readonly Piece[], splitPoints?: readonly number[]) {
  const message = replayReply('chat-completions', body(pieces), splitPoints);
  return { reasoning: message.reasoning, answer: message.answer };
}

/** Every way to cut a text into two pieces of the same kind, plus one character at a time. */
function cuts(text: string, isThought: boolean): Piece[][] {
  const ways: Piece[][] = [[{ text, isThought }]];
  for (let at = 1; at < text.length; at += 1) {
    ways.push([
      { text: text.slice(0, at), isThought },
      { text: text.slice(at), isThought },
    ]);
  }
  ways.push([...text].map((c) => ({ text: c, isThought })));
  return ways;
}

describe('Gemini thought flags', () => {
  it('reads flagged content as reasoning, on the delta or on the message', () => {
    expect(isGeminiThought({ extra_content: THOUGHT_FLAG })).toBe(true);
    expect(isGeminiThought({}, { extra_content: THOUGHT_FLAG })).toBe(true);
    expect(isGeminiThought({ extra_content: { google: { thought: 'yes' } } })).toBe(false);
    expect(isGeminiThought({ extra_content: { thought: true } })).toBe(false);
    expect(decode([thought('Plan.'), answer('Done.')])).toEqual({
      reasoning: 'Plan.',
      answer: 'Done.',
    });
  });

  it('strips <thought> and </thought> cut at every character', () => {
    const rest = [thought(' more'), answer('</thought>'), answer('The answer.')];
    for (const way of cuts('<thought>First', true)) {
      expect(decode([...way, ...rest]), JSON.stringify(way)).toEqual({
        reasoning: 'First more',
        answer: 'The answer.',
      });
    }
    for (const way of cuts('</thought>\nThe answer.', false)) {
      expect(decode([thought('<thought>Plan'), ...way]), JSON.stringify(way)).toEqual({
        reasoning: 'Plan',
        answer: 'The answer.',
      });
    }
  });

  it('leaves tags elsewhere as written, and an answer with no thoughts untouched', () => {
    expect(decode([thought('Use <thought>'), answer('Say </thought> here')])).toEqual({
      reasoning: 'Use <thought>',
      answer: 'Say </thought> here',
    });
    expect(decode([answer('</thought> is a tag')]).answer).toBe('</thought> is a tag');
  });

  it('releases a held partial tag before [DONE] and at the end of the body', () => {
    expect(decode([thought('<thou')])).toEqual({ reasoning: '<thou', answer: '' });
    expect(decode([thought('x'), answer('</tho')])).toEqual({ reasoning: 'x', answer: '</tho' });
    const noDone = replayReply('chat-completions', body([thought('<tho')], ''));
    expect(noDone.reasoning).toBe('<tho');
  });

  it('keeps thought_signature out of the text', () => {
    const delta = {
      content: 'Calling.',
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'lookup', arguments: '{}' },
          extra_content: { google: { thought_signature: 'c2lnbmF0dXJl' } },
        },
      ],
    };
    const bytes = new TextEncoder().encode(
      `data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}\n\ndata: [DONE]\n\n`,
    );
    const message = replayReply('chat-completions', bytes);
    expect(message.answer).toBe('Calling.');
    expect(message.reasoning).toBe('');
  });

  it('decodes the same fed one byte at a time', () => {
    const pieces = [thought('<thought>**Plan**\n'), thought('Add.'), answer('</thought>4')];
    const bytes = body(pieces);
    expect(decode(pieces, everyByte(bytes.length))).toEqual({
      reasoning: '**Plan**\nAdd.',
      answer: '4',
    });
  });

  it('equals the whole-text reference under random pieces (property)', () => {
    const pieceArb = fc.record({
      text: fc
        .array(fc.constantFrom('<thought>', '</thought>', '<', '</', 'tho', 'ught>', 'x', ' '), {
          minLength: 1,
          maxLength: 4,
        })
        .map((parts) => parts.join('')),
      isThought: fc.boolean(),
    });
    // Thoughts come first and the answer after, as Gemini sends them.
    const streamArb = fc
      .array(pieceArb, { maxLength: 8 })
      .map((pieces) => [
        ...pieces.filter((p) => p.isThought),
        ...pieces.filter((p) => !p.isThought),
      ]);
    fc.assert(
      fc.property(streamArb, (pieces) => {
        const expected = reference(pieces);
        // The `<think>` splitter after it trims leading whitespace of the answer.
        expect(decode(pieces)).toEqual({ ...expected, answer: expected.answer.trimStart() });
      }),
      { numRuns: 500 },
    );
  });
});

describe('GeminiThoughtTags on its own', () => {
  it('holds only a possible tag, and emits nothing empty', () => {
    const tags = new GeminiThoughtTags();
    const out: StreamEvent[] = [];
    tags.thought('<', out);
    tags.thought('thought>', out);
    expect(out).toEqual([]);
    tags.thought('a', out);
    tags.answer('</', out);
    tags.answer('x', out);
    expect(out).toEqual([
      { type: 'reasoning-delta', text: 'a' },
      { type: 'answer-delta', text: '</x' },
    ]);
  });

  it('releases a held closing tag as answer text when thoughts resume', () => {
    const tags = new GeminiThoughtTags();
    const out: StreamEvent[] = [];
    tags.thought('<thought>a', out);
    tags.answer('</tho', out);
    tags.thought('b', out);
    expect(out).toEqual([
      { type: 'reasoning-delta', text: 'a' },
      { type: 'answer-delta', text: '</tho' },
      { type: 'reasoning-delta', text: 'b' },
    ]);
  });

  it('after a flushed opening, still strips the closing tag of the first answer', () => {
    const tags = new GeminiThoughtTags();
    const out: StreamEvent[] = [];
    tags.thought('<tho', out);
    tags.flush(out);
    tags.answer('</thought>x', out);
    expect(out).toEqual([
      { type: 'reasoning-delta', text: '<tho' },
      { type: 'answer-delta', text: 'x' },
    ]);
  });

  it('leaves thoughts after an answer as written, and a flush with nothing held changes nothing', () => {
    const afterAnswer = new GeminiThoughtTags();
    const out: StreamEvent[] = [];
    afterAnswer.answer('a', out);
    afterAnswer.thought('<thought>b', out);
    expect(out).toEqual([
      { type: 'answer-delta', text: 'a' },
      { type: 'reasoning-delta', text: '<thought>b' },
    ]);
    const flushedFirst = new GeminiThoughtTags();
    const events: StreamEvent[] = [];
    flushedFirst.flush(events);
    flushedFirst.thought('<thought>a', events);
    expect(events).toEqual([{ type: 'reasoning-delta', text: 'a' }]);
  });
});
