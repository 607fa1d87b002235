/**
 * Bytes of a provider's streamed reply in, stream events out: the SSE parser, the normalizer of the
 * provider's API style and, for chat completions, the harmony and `<think>` splitters, in one
 * object.
 */
import { createSseParser } from '../sse/parse-sse';
import { createHarmonySplitter } from '../stream/split-harmony-channels';
import { createThinkSplitter, type ThinkSplitterOptions } from '../stream/split-think-tags';
import type { StreamEvent } from '../stream/stream-event';
import { apiStyleDefinition, type ApiStyle } from './api-style-registry';

/** Decodes one reply. Create one per request: it keeps state across reads. */
export interface ReplyDecoder {
  /** The events completed by the next network read. */
  feed(bytes: Uint8Array): StreamEvent[];
  /** The events released by the end of the body (held-back partial tags, for instance). */
  end(): StreamEvent[];
}

/** A text stage after the normalizer: the harmony or the `<think>` splitter. */
interface Splitter {
  push(event: StreamEvent): StreamEvent[];
  end(): StreamEvent[];
}

/** Chains splitters into one: each event goes through them in order. */
function chainSplitters(first: Splitter, second: Splitter): Splitter {
  return {
    push: (event) => first.push(event).flatMap((next) => second.push(next)),
    end: () => [...first.end().flatMap((next) => second.push(next)), ...second.end()],
  };
}

/** How a reply is read; see {@link ThinkSplitterOptions}. */
export type ReplyDecoderOptions = ThinkSplitterOptions;

/**
 * Creates a decoder for a reply in the given API style.
 *
 * Styles that ask for it (chat completions) read extra SSE fields (llama.cpp's non-standard
 * `error:` lines), and pass answer text through the harmony splitter (on only for content that
 * opens with a harmony marker) and then the `<think>` splitter, since many servers put reasoning
 * inside `content`.
 */
export function createReplyDecoder(
  apiStyle: ApiStyle,
  options: ReplyDecoderOptions = {},
): ReplyDecoder {
  const style = apiStyleDefinition(apiStyle);
  const normalizer = style.createNormalizer();
  const splitter = style.splitsAnswerText
    ? chainSplitters(createHarmonySplitter(), createThinkSplitter(options))
    : undefined;
  let batch: StreamEvent[] = [];
  const emit = (event: StreamEvent) => {
    if (splitter === undefined) {
      batch.push(event);
      return;
    }
    // Both splitters release text held as a possible partial tag before `done` and
    // `provider-error`, the events after which the reducer takes no text.
    for (const split of splitter.push(event)) batch.push(split);
  };
  const parser = createSseParser(
    (sseEvent) => {
      for (const event of normalizer.normalize(sseEvent)) emit(event);
    },
    { extraEventFields: style.extraEventFields },
  );
  const take = () => {
    const out = batch;
    batch = [];
    return out;
  };
  return {
    feed(bytes) {
      parser.feed(bytes);
      return take();
    },
    end() {
      parser.end();
      for (const event of normalizer.end()) emit(event);
      if (splitter !== undefined) batch.push(...splitter.end());
      return take();
    },
  };
}
