/**
 * Splits gpt-oss "harmony" channel markup in answer text into reasoning and answer: a stateful
 * stage between a normalizer and the `<think>` splitter.
 *
 * Why it exists: gpt-oss writes its output in the harmony format
 * (cookbook.openai.com/articles/openai-harmony, "Harmony response format"): messages of the form
 * `<|start|>assistant<|channel|>analysis<|message|>…<|end|>`, where the `analysis` channel holds
 * the chain of thought, `commentary` holds preambles and tool calls, and `final` holds the answer,
 * which ends in `<|return|>` (or `<|call|>` for a tool call). Servers that parse it send reasoning
 * in its own field; servers that don't (llama.cpp `--reasoning-format none`, some hosted gateways)
 * leave the markup in `content`, where it arrives cut at any character:
 * `<|channel|>analysis<|message|>…<|end|><|start|>assistant<|channel|>final<|message|>…`.
 */
import type { StreamEvent } from './stream-event';

/** Harmony's special tokens as they appear in text (the format's section "Special tokens"). */
const MARKERS: readonly string[] = [
  '<|start|>',
  '<|end|>',
  '<|message|>',
  '<|channel|>',
  '<|constrain|>',
  '<|return|>',
  '<|call|>',
];
/** Markers that may open the content and so switch the splitter on. */
const OPENING_MARKERS: readonly string[] = ['<|start|>', '<|channel|>'];
/** Markers that end a message. */
const END_MARKERS: readonly string[] = ['<|end|>', '<|return|>', '<|call|>'];
/** `<|constrain|>`: the most text ever held back as a partial marker is one character less. */
const LONGEST_MARKER = Math.max(...MARKERS.map((marker) => marker.length));
/**
 * The most leading whitespace, or header text, held while waiting: real harmony output has a few
 * characters of either, so more means this is not harmony (and holding stays bounded).
 */
const MOST_WAITING = 256;

/**
 * Where the splitter is:
 * - `start`: only whitespace so far, so an opening marker may still come;
 * - `plain`: the content did not open with a marker; all of it passes through as written;
 * - `header`: between `<|start|>` or `<|channel|>` and `<|message|>` (role, channel, recipient);
 * - `message`: inside a message's text, routed by its channel;
 * - `between`: after a message's end marker, before the next header.
 */
type Region = 'start' | 'plain' | 'header' | 'message' | 'between';

/** The first marker in `text`, or else the start of a trailing piece that could grow into one. */
function findMarker(text: string): { index: number; marker?: string } {
  for (let at = text.indexOf('<|'); at !== -1; at = text.indexOf('<|', at + 1)) {
    const marker = MARKERS.find((candidate) => text.startsWith(candidate, at));
    if (marker !== undefined) return { index: at, marker };
    if (text.length - at < LONGEST_MARKER) {
      const rest = text.slice(at);
      if (MARKERS.some((candidate) => candidate.startsWith(rest))) return { index: at };
    }
  }
  // A lone `<` at the very end may still become `<|…`.
  if (text.endsWith('<')) return { index: text.length - 1 };
  return { index: text.length };
}

/** The channel named in a header (`assistant<|channel|>final`, `<|channel|>commentary to=…`). */
function channelOf(header: string): string | undefined {
  const at = header.lastIndexOf('<|channel|>');
  if (at === -1) return undefined;
  return /^\s*([^\s<]+)/.exec(header.slice(at + '<|channel|>'.length))?.[1];
}

/** A stateful harmony splitter for one reply. Create one per request. */
export interface HarmonySplitter {
  /** Processes one event; answer-delta text is split, everything else passes through in order. */
  push(event: StreamEvent): StreamEvent[];
  /** End of stream: releases any text held back as a possible partial marker. */
  end(): StreamEvent[];
}

class ChannelSplitter implements HarmonySplitter {
  private region: Region = 'start';
  /** Text held back: a possible partial marker, leading whitespace, or an unfinished header. */
  private held = '';
  /** The current message's channel is the answer (`final`, or no channel named). */
  private isFinal = false;
  private out: StreamEvent[] = [];

  push(event: StreamEvent): StreamEvent[] {
    if (event.type === 'answer-delta') this.split(event.text);
    else {
      // The reducer takes no text after these, so a held piece must go out first.
      if (event.type === 'done' || event.type === 'provider-error') this.flush();
      this.out.push(event);
    }
    return this.take();
  }

  end(): StreamEvent[] {
    this.flush();
    return this.take();
  }

  private take(): StreamEvent[] {
    const events = this.out;
    this.out = [];
    return events;
  }

  /** Releases held text: it can no longer become a marker. Unfinished headers are dropped. */
  private flush(): void {
    const held = this.held;
    this.held = '';
    if (this.region === 'start' || this.region === 'plain') this.emit('answer-delta', held);
    else if (this.region === 'message') this.emitMessage(held);
    else if (this.region === 'between') this.emit('answer-delta', held);
  }

  private split(text: string): void {
    let rest = this.held + text;
    this.held = '';
    while (rest !== '') rest = this.step(rest);
  }

  private step(text: string): string {
    switch (this.region) {
      case 'start':
        return this.stepStart(text);
      case 'plain':
        this.emit('answer-delta', text);
        return '';
      case 'header':
        return this.stepHeader(text);
      case 'message':
        return this.stepMessage(text);
      case 'between':
        return this.stepBetween(text);
    }
  }

  /** Whitespace is held; an opening marker switches harmony on; anything else passes through. */
  private stepStart(text: string): string {
    const content = text.trimStart();
    if (content === '' && text.length <= MOST_WAITING) {
      this.held = text;
      return '';
    }
    const opening = OPENING_MARKERS.find((marker) => content.startsWith(marker));
    if (opening !== undefined) {
      this.region = 'header';
      return content;
    }
    const isPartial =
      content !== '' &&
      content.length < LONGEST_MARKER &&
      OPENING_MARKERS.some((marker) => marker.startsWith(content));
    if (isPartial && text.length <= MOST_WAITING) {
      this.held = text;
      return '';
    }
    this.region = 'plain';
    return text;
  }

  /**
   * A header is held whole until `<|message|>`; only its channel name is kept. Text that runs on
   * too long for a header is shown as answer text.
   */
  private stepHeader(text: string): string {
    const at = text.indexOf('<|message|>');
    if (at === -1 || at > MOST_WAITING) {
      if (text.length <= MOST_WAITING) {
        this.held = text;
        return '';
      }
      this.isFinal = true;
      this.region = 'message';
      this.emit('answer-delta', text.slice(0, MOST_WAITING));
      return text.slice(MOST_WAITING);
    }
    const channel = channelOf(text.slice(0, at));
    this.isFinal = channel === undefined || channel === 'final';
    this.region = 'message';
    return text.slice(at + '<|message|>'.length);
  }

  /** Message text up to the next marker; an end marker or a new header ends the message. */
  private stepMessage(text: string): string {
    const match = findMarker(text);
    this.emitMessage(text.slice(0, match.index));
    if (match.marker === undefined) {
      this.held = text.slice(match.index);
      return '';
    }
    const after = text.slice(match.index + match.marker.length);
    if (END_MARKERS.includes(match.marker)) this.region = 'between';
    else if (OPENING_MARKERS.includes(match.marker)) {
      this.region = 'header';
      return match.marker + after;
    }
    return after;
  }

  /**
   * Between messages whitespace is dropped, a marker is read as in a message, and any other text
   * starts an answer message of its own.
   */
  private stepBetween(text: string): string {
    const content = text.trimStart();
    if (content === '') return '';
    const match = findMarker(content);
    if (match.index === 0 && match.marker === undefined) {
      this.held = content;
      return '';
    }
    if (match.index === 0 && match.marker !== undefined && OPENING_MARKERS.includes(match.marker)) {
      this.region = 'header';
      return content;
    }
    if (match.index === 0 && match.marker !== undefined) {
      return content.slice(match.marker.length);
    }
    this.isFinal = true;
    this.region = 'message';
    return content;
  }

  private emitMessage(text: string): void {
    this.emit(this.isFinal ? 'answer-delta' : 'reasoning-delta', text);
  }

  private emit(kind: 'answer-delta' | 'reasoning-delta', text: string): void {
    if (text !== '') this.out.push({ type: kind, text });
  }
}

/**
 * Creates a splitter that routes harmony channels in answer text, incrementally.
 *
 * Rules:
 * 1. Markers are `<|start|>`, `<|end|>`, `<|message|>`, `<|channel|>`, `<|constrain|>`,
 *    `<|return|>` and `<|call|>`, matched exactly and recognized across chunk boundaries at any
 *    character. Only a trailing piece that could still become a marker is held back inside a
 *    message (at most 12 characters), and it is released as soon as it cannot.
 * 2. The splitter is on only when the content opens (after optional whitespace) with `<|start|>`
 *    or `<|channel|>`. Otherwise every character passes through as written, markers included, so
 *    an answer that talks about `<|channel|>` is shown as is and `<think>` tags still reach the
 *    `<think>` splitter.
 * 3. Headers (from `<|start|>` or `<|channel|>` to `<|message|>`: role, channel, recipient,
 *    `<|constrain|>`) are dropped. A header is held until its `<|message|>`; one never finished
 *    is dropped at the end. Text running on for more than 256 characters without `<|message|>` is
 *    no header: it is shown as answer text, and so is leading whitespace longer than that.
 * 4. Message text is answer when the header names the `final` channel or none, and reasoning for
 *    every other channel (`analysis`, `commentary`).
 * 5. `<|end|>`, `<|return|>` and `<|call|>` end a message and are dropped, and so is a stray
 *    `<|message|>` or `<|constrain|>` inside one. A `<|start|>` or `<|channel|>` inside a message
 *    ends it and opens a header. Between messages, whitespace is dropped and other text is answer.
 * 6. {@link HarmonySplitter.end}, `done` and `provider-error` release held text into the current
 *    region (after which the reducer takes no text).
 *
 * Other events pass through unchanged and in order; a held piece stays held across them.
 */
export function createHarmonySplitter(): HarmonySplitter {
  return new ChannelSplitter();
}
