import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyByte, randomSplitPoints, splitBytes } from '../../testing/recordings';
import { createSseParser, type SseEvent, type SseParserOptions } from './parse-sse';

const encoder = new TextEncoder();
const SEEDS = [1, 2, 3, 42, 1234, 99991];

function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

/** Feeds the reads in order, ends the stream, and returns every event dispatched. */
function parseReads(reads: readonly Uint8Array[], options?: SseParserOptions): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event), options);
  for (const read of reads) parser.feed(read);
  parser.end();
  return events;
}

/** Asserts the events whole, one byte at a time, and at seeded random cuts (small and large). */
function expectEvents(
  input: string | Uint8Array,
  expected: SseEvent[],
  options?: SseParserOptions,
) {
  const bytes = toBytes(input);
  expect(parseReads([bytes], options), 'whole').toEqual(expected);
  expect(parseReads(splitBytes(bytes, everyByte(bytes.length)), options), 'byte by byte').toEqual(
    expected,
  );
  for (const seed of SEEDS) {
    for (const maxRead of [3, 11]) {
      const reads = splitBytes(bytes, randomSplitPoints(bytes.length, seed, maxRead));
      expect(parseReads(reads, options), `seed ${seed}, reads <= ${maxRead} B`).toEqual(expected);
    }
  }
}

describe('createSseParser: UTF-8 decoding', () => {
  it('decodes CJK and emoji characters whose bytes are split across reads', () => {
    expectEvents('data: 思考中…🤔👍🏽 こんにちは\n\ndata: 🧠\n\n', [
      { data: '思考中…🤔👍🏽 こんにちは' },
      { data: '🧠' },
    ]);
  });

  it('decodes a 4-byte character cut at each of its inner byte boundaries', () => {
    const bytes = encoder.encode('data: 🤔\n\n');
    for (const cut of [7, 8, 9]) {
      expect(parseReads(splitBytes(bytes, [cut]))).toEqual([{ data: '🤔' }]);
    }
  });

  it('turns invalid UTF-8 into U+FFFD instead of throwing', () => {
    const bytes = new Uint8Array([...encoder.encode('data: a'), 0xff, ...encoder.encode('b\n\n')]);
    expectEvents(bytes, [{ data: 'a\uFFFDb' }]);
  });
});

describe('createSseParser: byte order mark', () => {
  it('strips one leading BOM', () => {
    expectEvents('\uFEFFdata: a\n\n', [{ data: 'a' }]);
  });

  it('strips only the first of two leading BOMs: the second becomes part of the field name', () => {
    expectEvents('\uFEFF\uFEFFdata: a\n\ndata: b\n\n', [{ data: 'b' }]);
  });

  it('keeps a BOM that is not at the start of the stream', () => {
    expectEvents('data: \uFEFFa\n\n\uFEFFdata: b\n\n', [{ data: '\uFEFFa' }]);
  });
});

describe('createSseParser: line endings', () => {
  it('accepts LF, CR and CRLF line ends', () => {
    expectEvents('data: lf\n\ndata: cr\r\rdata: crlf\r\n\r\n', [
      { data: 'lf' },
      { data: 'cr' },
      { data: 'crlf' },
    ]);
  });

  it('accepts mixed line ends inside one event', () => {
    expectEvents('data: a\r\ndata: b\rdata: c\ndata: d\r\n\n', [{ data: 'a\nb\nc\nd' }]);
  });

  it('counts a CRLF split across two reads as one line end', () => {
    const reads = ['data: a\r', '\ndata: b\r', '\n\r', '\n'].map((text) => encoder.encode(text));
    expect(parseReads(reads)).toEqual([{ data: 'a\nb' }]);
    expectEvents('data: a\r\ndata: b\r\n\r\n', [{ data: 'a\nb' }]);
  });

  it('treats CR CR as a line end followed by a blank line', () => {
    expectEvents('data: a\r\rdata: b\r\n\r\r\n', [{ data: 'a' }, { data: 'b' }]);
  });

  it('dispatches an event whose blank line ends in a lone CR at the end of the stream', () => {
    expectEvents('data: a\r\r', [{ data: 'a' }]);
    expectEvents('data: a\n\r', [{ data: 'a' }]);
  });

  it('dispatches on the final CR during feed, without waiting for the next read or end()', () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    parser.feed(encoder.encode('data: a\r'));
    expect(events).toEqual([]);
    parser.feed(encoder.encode('\r'));
    expect(events).toEqual([{ data: 'a' }]);
  });
});

describe('createSseParser: comments and fields', () => {
  it('ignores comment lines: keep-alives, OpenRouter processing notes and bare colons', () => {
    expectEvents(
      ': keep-alive\n\n: OPENROUTER PROCESSING\n\ndata: a\n:\n\n:\n: OPENROUTER PROCESSING\ndata: b\n\n',
      [{ data: 'a' }, { data: 'b' }],
    );
  });

  it('joins several data lines with \\n, across comment lines', () => {
    expectEvents('data: a\ndata: b\n: ping\ndata: c\n\n', [{ data: 'a\nb\nc' }]);
    expectEvents('data: a\ndata:\ndata: b\n\n', [{ data: 'a\n\nb' }]);
  });

  it('strips exactly one space after the colon, and none when there is no space', () => {
    expectEvents('data:a\n\ndata: b\n\ndata:  c\n\ndata:\td\n\n', [
      { data: 'a' },
      { data: 'b' },
      { data: ' c' },
      { data: '\td' },
    ]);
  });

  it('keeps only the first colon as the separator', () => {
    expectEvents('data: {"a":"b:c"}\n\n', [{ data: '{"a":"b:c"}' }]);
  });

  it('gives an event with empty data for `data:` alone', () => {
    expectEvents('data:\n\ndata: \n\n', [{ data: '' }, { data: '' }]);
  });

  it('treats a line with no colon as a field name with an empty value', () => {
    expectEvents('data\n\ndata\ndata\n\nevent\ndata: a\n\n', [
      { data: '' },
      { data: '\n' },
      { data: 'a' },
    ]);
  });

  it('keeps event names, for one event only', () => {
    expectEvents('event: error\ndata: x\n\ndata: y\n\nevent:reasoning\ndata: z\n\n', [
      { event: 'error', data: 'x' },
      { data: 'y' },
      { event: 'reasoning', data: 'z' },
    ]);
  });

  it('does not dispatch blank lines without data, and forgets their event name', () => {
    expectEvents('\n\n\nevent: ping\n\ndata: a\n\n', [{ data: 'a' }]);
  });

  it('keeps the last id across events until an empty id resets it', () => {
    expectEvents(
      'id: 1\ndata: a\n\ndata: b\n\nid: 2\n\ndata: c\n\nid\ndata: d\n\nid: 3\0x\ndata: e\n\n',
      [
        { id: '1', data: 'a' },
        { id: '1', data: 'b' },
        { id: '2', data: 'c' },
        { data: 'd' },
        { data: 'e' },
      ],
    );
  });

  it('ignores retry, unknown fields and differently cased field names', () => {
    expectEvents('retry: 1000\nfoo: bar\ndata: a\nDATA: b\nData: c\n\n', [{ data: 'a' }]);
  });

  it('drops an unfinished event at the end of the stream', () => {
    expectEvents('data: a\n\ndata: b', [{ data: 'a' }]);
    expectEvents('data: a\n\ndata: b\n', [{ data: 'a' }]);
    expectEvents('data: a\n\nevent: x\ndata: b\r', [{ data: 'a' }]);
  });
});

describe('createSseParser: extraEventFields', () => {
  const stream = 'data: {"choices":[]}\n\nerror: {"code":400,"message":"boom"}\n\ndata: [DONE]\n\n';

  it('starts clean after end(): the unfinished line, data and event name are dropped', () => {
    const events: SseEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    parser.feed(encoder.encode('event: old\ndata: a\ndata: b'));
    parser.end();
    parser.feed(encoder.encode('data: c\n\n'));
    parser.feed(encoder.encode('data: d\n'));
    parser.end();
    parser.feed(encoder.encode('\n'));
    parser.end();
    expect(events).toEqual([{ data: 'c' }]);
  });

  it("delivers llama.cpp's non-standard `error:` line as an `error` event", () => {
    expectEvents(
      stream,
      [
        { data: '{"choices":[]}' },
        { event: 'error', data: '{"code":400,"message":"boom"}' },
        { data: '[DONE]' },
      ],
      { extraEventFields: ['error'] },
    );
  });

  it('ignores the `error:` line without the option, as the standard says', () => {
    expectEvents(stream, [{ data: '{"choices":[]}' }, { data: '[DONE]' }]);
  });

  it('delivers the extra field at once, without disturbing the event being built', () => {
    expectEvents(
      'data: a\nerror: x\ndata: b\n\n',
      [{ event: 'error', data: 'x' }, { data: 'a\nb' }],
      { extraEventFields: ['error'] },
    );
  });
});

describe('createSseParser: long lines', () => {
  it('delivers a 4 MB line fed in 64 KB reads intact, as one event', () => {
    const unit = 'ab€🤔'; // 1 + 1 + 3 + 4 bytes: 64 KB cuts land inside characters
    const payload = unit.repeat(Math.ceil((4 * 1024 * 1024) / 9));
    const bytes = encoder.encode(`data: ${payload}\n\ndata: tail\n\n`);
    const points: number[] = [];
    for (let at = 65536; at < bytes.length; at += 65536) points.push(at);
    const events = parseReads(splitBytes(bytes, points));
    expect(events).toHaveLength(2);
    expect(events[0]?.data.length).toBe(payload.length);
    expect(events[0]?.data === payload).toBe(true);
    expect(events[1]).toEqual({ data: 'tail' });
  });
});

describe('createSseParser: any well-formed stream, cut anywhere', () => {
  const line = fc
    .string({ unit: 'binary', maxLength: 12 })
    .map((text) => text.replace(/[\r\n]/g, ''));
  const eventArb = fc.record({
    event: fc.option(fc.stringMatching(/^[a-z_.]{1,10}$/), { nil: undefined }),
    id: fc.option(fc.stringMatching(/^[\w-]{0,6}$/), { nil: undefined }),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    comment: fc.boolean(),
  });

  it('dispatches the same events as were written, for every line end and every cut', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 6 }),
        fc.constantFrom('\n', '\r', '\r\n'),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (written, eol, seed) => {
          let text = '';
          let lastId = '';
          const expected: SseEvent[] = [];
          for (const { event, id, lines, comment } of written) {
            if (comment) text += `: comment${eol}`;
            if (event !== undefined) text += `event: ${event}${eol}`;
            if (id !== undefined) text += `id: ${id}${eol}`;
            for (const dataLine of lines) text += `data: ${dataLine}${eol}`;
            text += eol;
            if (id !== undefined) lastId = id;
            const dispatched: SseEvent = { data: lines.join('\n') };
            if (event !== undefined) dispatched.event = event;
            if (lastId !== '') dispatched.id = lastId;
            expected.push(dispatched);
          }
          const bytes = encoder.encode(text);
          expect(parseReads([bytes])).toEqual(expected);
          expect(parseReads(splitBytes(bytes, randomSplitPoints(bytes.length, seed, 5)))).toEqual(
            expected,
          );
        },
      ),
      { seed: 20250816, numRuns: 300 },
    );
  });
});
