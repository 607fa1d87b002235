/**
 * Splits reasoning out of answer text for providers that put it inside `content` as
 * `<think>…</think>`: a stateful stage between a normalizer and the message reducer.
 *
 * Why it exists (`../shared/docs/provider-streams.md`, sections 3–7, "`<think>` in content" edge
 * cases): DeepSeek-R1 on Together and Fireworks, Groq `reasoning_format: raw` (tags JSON-escaped as
 * `\u003cthink\u003e`, so splitting must run after `JSON.parse`, which it does), vLLM without a
 * reasoning parser, llama.cpp `--reasoning-format none` (and `deepseek-legacy`, which also fills
 * `reasoning_content`), LM Studio with its reasoning setting off, and Ollama up to v0.12.3 all send
 * the model's raw output, tags included, as answer text. Tags arrive whole (Together), or cut at any
 * character (Ollama `"</thi"` + `"nk>"`, llama.cpp `"<"`, `"/"`, `"th"`, `"i"`, `"n"`, `"k"`, `">"`).
 * Chat templates that already end in `<think>` (DeepSeek-R1 distills, R1-0528) make the model
 * start straight with reasoning and send only the closing tag.
 */
import type { StreamEvent } from './stream-event';

/** Opening tags, recognized only at the start of the content. Matched exactly (lower case). */
const OPENING_TAGS: readonly string[] = ['<think>', '<thinking>', '<reasoning>'];
/** Closing tags. Inside a block only the one matching its opening tag counts. */
const CLOSING_TAGS: readonly string[] = ['</think>', '</thinking>', '</reasoning>'];
const ALL_TAGS: readonly string[] = [...OPENING_TAGS, ...CLOSING_TAGS];
/** `</reasoning>`: the most text ever held back is one character less than this. */
const LONGEST_TAG = Math.max(...ALL_TAGS.map((tag) => tag.length));

/**
 * Which section of the content the splitter is in:
 * - `start`: nothing but whitespace yet, so an opening tag may still come;
 * - `untagged`: text without an opening tag, shown as answer until a closing tag proves it was
 *   reasoning (template-opened `<think>`);
 * - `reasoning`: inside `<think>…`, waiting for the matching closing tag;
 * - `answer`: after a closing tag; from here on every tag is literal text.
 */
type Section = 'start' | 'untagged' | 'reasoning' | 'answer';

/** Where {@link findTag} stopped: a whole tag at `index`, or (no `tag`) a possible partial one. */
interface TagMatch {
  index: number;
  tag?: string;
}

/**
 * Finds the first of `tags` in `text`, or else the start of a trailing piece that could still grow
 * into one of them (vercel/ai's `getPotentialStartIndex`, for several tags at once).
 *
 * Only `<` positions are tried, each against a handful of short tags, so the cost is linear in
 * `text`. A partial tag is shorter than {@link LONGEST_TAG}, so at most that much is ever held.
 *
 * @returns `{ index, tag }` for a whole tag; `{ index }` for a partial tag at the end or, when
 *   there is neither, `{ index: text.length }`.
 */
function findTag(text: string, tags: readonly string[]): TagMatch {
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    const tag = tags.find((candidate) => text.startsWith(candidate, at));
    if (tag !== undefined) return { index: at, tag };
    if (text.length - at < LONGEST_TAG) {
      const rest = text.slice(at);
      if (tags.some((candidate) => candidate.startsWith(rest))) return { index: at };
    }
  }
  return { index: text.length };
}

/** Whether `text` is a proper beginning of an opening tag (`<`, `<thi`, `<reason`, …). */
function couldBeOpeningTag(text: string): boolean {
  return text.length < LONGEST_TAG && OPENING_TAGS.some((tag) => tag.startsWith(text));
}

/** A stateful `<think>` splitter for one reply. Create one per request. */
export interface ThinkSplitter {
  /** Processes one event; answer-delta text is split, everything else passes through in order. */
  push(event: StreamEvent): StreamEvent[];
  /** End of stream: releases any text held back as a possible partial tag. */
  end(): StreamEvent[];
}

/** How a splitter starts. */
export interface ThinkSplitterOptions {
  /**
   * The reply continues an answer that has already begun (Continue after max tokens); see rule 7
   * of {@link createThinkSplitter}.
   */
  continuesAnswer?: boolean;
}

class TagSplitter implements ThinkSplitter {
  private section: Section;
  /**
   * A trailing piece of answer text that may still become a tag: shorter than the longest tag, plus
   * a continuation's leading whitespace (rule 7).
   */
  private held = '';
  /** The closing tags that end the current section. */
  private closingTags: readonly string[] = CLOSING_TAGS;
  /** Drop whitespace until the current section's first visible character. */
  private trimStart: boolean;
  /** A `reasoning-delta` came from a dedicated field: tag-extracted reasoning is a duplicate. */
  private sawFieldReasoning = false;
  private out: StreamEvent[] = [];

  /** Rule 7: leading whitespace is kept and untagged text is answer at once. */
  private readonly isContinuation: boolean;

  constructor(options: ThinkSplitterOptions) {
    this.isContinuation = options.continuesAnswer === true;
    this.section = 'start';
    this.trimStart = !this.isContinuation;
  }

  push(event: StreamEvent): StreamEvent[] {
    switch (event.type) {
      case 'answer-delta':
        this.split(event.text);
        break;
      case 'reasoning-delta':
        this.sawFieldReasoning = true;
        this.out.push(event);
        break;
      case 'done':
      case 'provider-error':
        // The reducer accepts no text after these, so a held piece must go out first.
        this.flush();
        this.out.push(event);
        break;
      default:
        // Other events don't end the text: a tag cut around them is still recognized.
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

  /** Releases the held piece into the current section: it can no longer become a tag. */
  private flush(): void {
    const held = this.held;
    if (held === '') return;
    this.held = '';
    // A released `<thi` at the start is visible answer text: no opening tag can follow it.
    if (this.section === 'start') this.section = this.isContinuation ? 'answer' : 'untagged';
    this.emit(this.section === 'reasoning' ? 'reasoning-delta' : 'answer-delta', held);
  }

  /** Runs new text (after what was held) through the sections until all is emitted or held. */
  private split(text: string): void {
    let rest = this.held + text;
    this.held = '';
    while (rest !== '') rest = this.step(rest);
  }

  /** Consumes text in the current section; returns what is left for the next section. */
  private step(text: string): string {
    switch (this.section) {
      case 'start':
        return this.stepStart(text);
      case 'untagged':
        return this.stepUntagged(text);
      case 'reasoning':
        return this.stepReasoning(text);
      case 'answer':
        this.emit('answer-delta', text);
        return '';
    }
  }

  /**
   * Before any visible text: leading whitespace is dropped, an opening tag starts reasoning, a
   * possible beginning of one is held, and anything else starts untagged text (a closing tag right
   * here is then found by the untagged step, as a template-opened block with no reasoning).
   */
  private stepStart(text: string): string {
    const content = text.trimStart();
    // A continuation keeps its leading whitespace until it is known to come before a tag.
    const kept = this.isContinuation ? text : content;
    if (content === '') {
      this.held = this.isContinuation ? text : '';
      return '';
    }
    const opening = OPENING_TAGS.find((tag) => content.startsWith(tag));
    if (opening !== undefined) {
      this.enter('reasoning', ['</' + opening.slice(1)]);
      return content.slice(opening.length);
    }
    if (couldBeOpeningTag(content)) {
      this.held = kept;
      return '';
    }
    this.section = this.isContinuation ? 'answer' : 'untagged';
    return kept;
  }

  /** Inside a tagged block: reasoning up to the matching closing tag, then the answer. */
  private stepReasoning(text: string): string {
    const match = findTag(text, this.closingTags);
    this.emit('reasoning-delta', text.slice(0, match.index));
    if (match.tag === undefined) {
      this.held = text.slice(match.index);
      return '';
    }
    this.enter('answer', []);
    return text.slice(match.index + match.tag.length);
  }

  /**
   * Untagged text is answer until a closing tag shows that it was reasoning (the template opened
   * `<think>`), which `answer-is-reasoning` tells the reducer. Tags are literal from then on, and
   * also when the first tag is an opening one (the answer is talking about tags) or a dedicated
   * reasoning field is in use (the content is the answer; a template-opened block would not send
   * its reasoning twice without a `<think>`: llama.cpp's `deepseek-legacy` writes it out).
   */
  private stepUntagged(text: string): string {
    const match = findTag(text, ALL_TAGS);
    if (match.tag === undefined) {
      this.emit('answer-delta', text.slice(0, match.index));
      this.held = text.slice(match.index);
      return '';
    }
    const afterTag = match.index + match.tag.length;
    if (OPENING_TAGS.includes(match.tag) || this.sawFieldReasoning) {
      this.section = 'answer';
      this.emit('answer-delta', text.slice(0, afterTag));
    } else {
      this.emit('answer-delta', text.slice(0, match.index));
      this.out.push({ type: 'answer-is-reasoning' });
      this.enter('answer', []);
    }
    return text.slice(afterTag);
  }

  private enter(section: Section, closingTags: readonly string[]): void {
    this.section = section;
    this.closingTags = closingTags;
    this.trimStart = true;
  }

  /** Emits non-empty text, trimmed at the start of a section; drops duplicate tagged reasoning. */
  private emit(kind: 'answer-delta' | 'reasoning-delta', text: string): void {
    if (kind === 'reasoning-delta' && this.sawFieldReasoning) return;
    const shown = this.trimStart ? text.trimStart() : text;
    if (shown === '') return;
    this.trimStart = false;
    this.out.push({ type: kind, text: shown });
  }
}

/**
 * Creates a splitter that moves `<think>` blocks in answer text into reasoning, incrementally.
 *
 * Rules:
 * 1. Tags are `<think>`, `<thinking>`, `<reasoning>` and their closing forms, matched exactly and
 *    recognized across chunk boundaries at any character. Only a trailing piece that could still
 *    become a tag is held back (never as long as the longest tag), and it is released as soon as it
 *    cannot. Each push costs time linear in its text.
 * 2. An opening tag counts only at the very start of the content, after optional whitespace. Once
 *    visible answer text has begun, opening tags are literal (`Use <think> tags` stays answer).
 * 3. After an opening tag, text is `reasoning-delta` until the matching closing tag; after that all
 *    is answer and every later tag is literal.
 * 4. Template-opened blocks: text without an opening tag is answer until a closing tag (any of
 *    the three); then `answer-is-reasoning` is emitted (the reducer moves the answer so far into
 *    reasoning) and the rest is answer. Only the first tag counts: if it is an opening tag (the
 *    answer quotes `<think>`), or if a dedicated reasoning field is in use (see 6), the closing tag
 *    is literal answer text instead. Later tags are literal.
 * 5. An unclosed block stays reasoning to the end. {@link ThinkSplitter.end} (and a `done` or
 *    `provider-error` event, after which the reducer takes no text) releases the held piece into
 *    the current section.
 * 6. Reasoning from dedicated fields wins. Once a `reasoning-delta` (`reasoning_content`,
 *    `reasoning`) has passed through, reasoning extracted from a tagged block is a duplicate
 *    (llama.cpp `deepseek-legacy` sends both) and is dropped with its tags, while the text after
 *    the closing tag is still answer; and untagged content is the answer, so its closing tags are
 *    literal.
 * 7. A continuation (`options.continuesAnswer`: the reply to "Continue" after max tokens) may
 *    still open with a tagged block, as any reply may (rules 2 and 3). Otherwise its text is
 *    answer from the first character, exactly as it arrives: its leading whitespace is kept (held
 *    until the first visible character shows there is no opening tag) and a closing tag is
 *    literal, since rule 4 would move the answer written before the cut into the reasoning.
 *
 * Whitespace: leading whitespace of the content, of a block's reasoning (after `<think>`) and of
 * the answer after a closing tag is dropped, since tagged models put newlines there. Whitespace at
 * the end of the reasoning (before `</think>`) is kept: trimming it would mean holding back
 * unbounded runs of whitespace. As the content's own leading whitespace is dropped too, no answer
 * that passes through the splitter starts with whitespace, tags or not, except a continuation's.
 *
 * Other events pass through unchanged and in order; a held piece stays held across them (a tag can
 * be cut around a `reasoning-delta` or `usage`), except before `done` and `provider-error`.
 */
export function createThinkSplitter(options: ThinkSplitterOptions = {}): ThinkSplitter {
  return new TagSplitter(options);
}
