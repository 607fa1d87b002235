/**
 * Gemini's thought summaries on its OpenAI-compatible endpoint
 * (ai.google.dev/gemini-api/docs/openai, "Thinking"): with
 * `extra_body.google.thinking_config.include_thoughts`, thought summaries stream in `delta.content`
 * and each such delta is flagged `extra_content: { google: { thought: true } }`. The first thought
 * may open with `<thought>` and the first answer chunk after the thoughts with `</thought>`; both
 * tags can be cut across chunks. `extra_content.google.thought_signature` (on tool calls) is an
 * opaque token that is never text.
 */
import type { StreamEvent } from '../stream/stream-event';
import { isObject } from './json-fields';

const OPENING = '<thought>';
const CLOSING = '</thought>';

/** Whether any of the given objects (a delta, a message) carries `extra_content.google.thought: true`. */
export function isGeminiThought(...carriers: readonly unknown[]): boolean {
  return carriers.some(
    (carrier) =>
      isObject(carrier) &&
      isObject(carrier.extra_content) &&
      isObject(carrier.extra_content.google) &&
      carrier.extra_content.google.thought === true,
  );
}

/**
 * Where the tags may be:
 * - `before-thought`: no thought text yet; the first may open with `<thought>`;
 * - `thought`: inside the thoughts;
 * - `before-answer`: thoughts are over and no answer text yet; it may open with `</thought>`;
 * - `answer`: from here on all text is as written (also when no thought ever came).
 */
type Phase = 'before-thought' | 'thought' | 'before-answer' | 'answer';

/**
 * Strips Gemini's `<thought>` and `</thought>` from flagged thought text and the answer after it.
 *
 * Rules: a `<thought>` counts only at the very start of the first thought; a `</thought>` only at
 * the very start of the first answer text after thoughts (an answer with no thoughts before it is
 * never touched). While the text so far is a proper beginning of the tag (`<`, `</tho`), it is held
 * (at most 9 characters) and released as soon as it cannot be the tag, or by {@link flush}.
 */
export class GeminiThoughtTags {
  private phase: Phase = 'before-thought';
  private held = '';

  /** Flagged thought text: appends `reasoning-delta` events to `out`. */
  thought(text: string, out: StreamEvent[]): void {
    if (this.phase === 'before-answer') this.flush(out);
    if (this.phase === 'before-thought') {
      const rest = this.strip(text, OPENING);
      if (rest === undefined) return;
      this.phase = 'thought';
      push(out, 'reasoning-delta', rest);
    } else push(out, 'reasoning-delta', text);
  }

  /** Answer text: appends `answer-delta` events to `out`. */
  answer(text: string, out: StreamEvent[]): void {
    // A held `<thou` becomes thought text: there were thoughts, so `</thought>` may follow.
    if (this.phase === 'before-thought') {
      if (this.held === '') this.phase = 'answer';
      else this.flush(out);
    }
    if (this.phase === 'thought') this.phase = 'before-answer';
    if (this.phase === 'before-answer') {
      const rest = this.strip(text, CLOSING);
      if (rest === undefined) return;
      this.phase = 'answer';
      push(out, 'answer-delta', rest);
    } else push(out, 'answer-delta', text);
  }

  /** Releases a held possible tag as the text it is (before `done`, an error, or the end). */
  flush(out: StreamEvent[]): void {
    const held = this.held;
    if (held === '') return;
    this.held = '';
    if (this.phase === 'before-thought') {
      this.phase = 'thought';
      push(out, 'reasoning-delta', held);
    } else {
      this.phase = 'answer';
      push(out, 'answer-delta', held);
    }
  }

  /** The text without a leading `tag`, or `undefined` while it may still become one (held). */
  private strip(text: string, tag: string): string | undefined {
    const whole = this.held + text;
    this.held = '';
    if (whole.startsWith(tag)) return whole.slice(tag.length);
    if (tag.startsWith(whole)) {
      this.held = whole;
      return undefined;
    }
    return whole;
  }
}

function push(out: StreamEvent[], type: 'reasoning-delta' | 'answer-delta', text: string): void {
  if (text !== '') out.push({ type, text });
}
