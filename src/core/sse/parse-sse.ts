/**
 * A push parser for Server-Sent Events, fed raw bytes as they arrive from the network.
 *
 * Follows the WHATWG HTML "event stream interpretation" rules
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * UTF-8 decoding (a character split across reads is decoded once whole), one leading BOM stripped,
 * CR / LF / CRLF line ends (a CRLF split across reads counts once), `:` comment lines ignored,
 * several `data` lines joined with `\n`, one optional space after the colon, unknown fields ignored,
 * and an unfinished event at the end of the stream dropped.
 *
 * Work is linear in the stream length: each byte is decoded and scanned once, and a line that spans
 * many reads is kept as pieces and joined once when it ends.
 */

/** One dispatched SSE event. */
export interface SseEvent {
  /** The `event:` field, when the event had one. Absent means the default `message` type. */
  event?: string;
  /** The `data:` lines of the event, joined with `\n`. May be empty (`data:` alone). */
  data: string;
  /** The last event ID seen on the stream (`id:` fields persist across events), when one was set. */
  id?: string;
}

/** The parser returned by {@link createSseParser}. */
export interface SseParser {
  /** Feeds the next bytes of the stream, in order. Dispatches every event the bytes complete. */
  feed(chunk: Uint8Array): void;
  /** Marks the end of the stream: flushes the decoder and drops any unfinished event. */
  end(): void;
}

/** Options for {@link createSseParser}. */
export interface SseParserOptions {
  /**
   * Field names, beyond the standard ones, to deliver as events of their own named after the field.
   * llama.cpp builds through 2025 sent mid-stream failures as a non-standard `error: {…}` line, which a
   * strict parser drops; pass `['error']` to receive it as `{ event: 'error', data: '{…}' }`.
   */
  extraEventFields?: readonly string[];
}

const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/**
 * Creates a push parser that calls `onEvent` for every complete SSE event.
 *
 * @param onEvent - called synchronously from `feed` for each event, in stream order.
 * @param options - see {@link SseParserOptions}.
 * @returns `{ feed, end }`; neither throws on malformed input (bad UTF-8 becomes U+FFFD).
 */
export function createSseParser(
  onEvent: (event: SseEvent) => void,
  options: SseParserOptions = {},
): SseParser {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const extraFields = new Set(options.extraEventFields ?? []);

  let isStreamStart = true;
  // Stryker disable next-line BooleanLiteral: a line feed first in the stream ends a line with no data either way.
  let isAfterCr = false;
  let partialLine: string[] = [];

  let dataLines: string[] = [];
  let hasData = false;
  let eventType = '';
  let lastEventId = '';

  function dispatch(): void {
    if (hasData) {
      const event: SseEvent = { data: dataLines.join('\n') };
      if (eventType !== '') event.event = eventType;
      if (lastEventId !== '') event.id = lastEventId;
      onEvent(event);
    }
    dataLines = [];
    hasData = false;
    eventType = '';
  }

  function processLine(line: string): void {
    if (line === '') {
      dispatch();
      return;
    }
    const colon = line.indexOf(':');
    // Stryker disable next-line ConditionalExpression: the empty field name is ignored below as well.
    if (colon === 0) return; // comment: keep-alives, `: OPENROUTER PROCESSING`, bare `:`
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);

    switch (field) {
      case 'data':
        dataLines.push(value);
        hasData = true;
        break;
      case 'event':
        eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) lastEventId = value;
        break;
      default:
        if (extraFields.has(field)) {
          onEvent({ event: field, data: value });
        }
      // `retry` and unknown fields are ignored.
    }
  }

  function processText(text: string): void {
    let start = 0;
    if (text.length === 0) return;
    if (isStreamStart) {
      isStreamStart = false;
      if (text.charCodeAt(0) === BOM) start = 1;
    }
    if (isAfterCr) {
      isAfterCr = false;
      if (text.charCodeAt(start) === LF) start += 1;
    }
    const length = text.length;
    // Stryker disable next-line EqualityOperator: charCodeAt(length) is NaN, not a line end.
    for (let i = start; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code !== LF && code !== CR) continue;
      const piece = text.slice(start, i);
      let line = piece;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: joining no parts is a shortcut.
      if (partialLine.length > 0) {
        partialLine.push(piece);
        line = partialLine.join('');
        partialLine = [];
      }
      processLine(line);
      if (code === CR) {
        if (i + 1 < length) {
          if (text.charCodeAt(i + 1) === LF) i += 1;
        } else {
          isAfterCr = true;
        }
      }
      start = i + 1;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty part joins to nothing.
    if (start < length) partialLine.push(text.slice(start));
  }

  return {
    feed(chunk) {
      processText(decoder.decode(chunk, { stream: true }));
    },
    end() {
      processText(decoder.decode());
      partialLine = [];
      dataLines = [];
      hasData = false;
      eventType = '';
    },
  };
}
