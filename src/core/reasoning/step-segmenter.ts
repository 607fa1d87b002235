/**
 * Turns reasoning text, as it streams, into steps a person can navigate.
 *
 * Rules, applied line by line in order (a line is decided once it is complete, so the steps are
 * the same however the text was cut into deltas):
 * 1. A bold line (`**Title**`, `__Title__`), a heading (`# Title`), or a paragraph that opens with a
 *    bold lead-in (`**Checking the sum:** …`, `1.  **Analyze the request:** …`) always starts a
 *    step titled with that text, markers stripped, however short the step before it. While the current step holds
 *    nothing but blank lines, the title names it instead of starting another. OpenAI and Gemini
 *    reasoning summaries are written this way.
 * 2. Once a trace has had a title line it is titled: only title lines start steps from then on.
 * 3. In an untitled trace a step starts at a pivot line (`Wait,`, `Alternatively,`, `Let me check`,
 *    `Hmm,`, `But`, `Now,`, … see `step-line.ts`), the way DeepSeek-R1-style traces change course,
 *    but only when the current step already holds {@link MIN_STEP_TOKENS} tokens and the pivot line
 *    itself is at least {@link MIN_PIVOT_CHARS} long. Short paragraphs stay in the step before, and
 *    there is at most one step per {@link MIN_STEP_TOKENS} tokens.
 * 4. Lines inside a code fence (```` ``` ```` or `~~~`) are never titles or pivots.
 * 5. An untitled step is titled with its first non-blank line's first sentence, cut at a word
 *    boundary to about 60 characters.
 *
 * Cost: each delta is scanned once; each line is classified once, reading at most its length.
 */
import {
  classifyLine,
  estimateTokenCount,
  isCjk,
  LOOK_AHEAD,
  SENTENCE_TITLE_LENGTH,
  sentenceTitle,
  type LineKind,
} from './step-line';

/** An untitled step is at least this many tokens long before a pivot may start the next. */
export const MIN_STEP_TOKENS = 150;
/** A pivot line shorter than this (`Wait.`, `Hmm.`) stays in the step before. */
export const MIN_PIVOT_CHARS = 40;

/** One step of a reasoning trace, by position. */
export interface ReasoningStepSpan {
  /** 0-based position in the trace. */
  index: number;
  /** The step's title; `''` until its first non-blank line is complete. */
  title: string;
  /** Whether the title was written by the model (a bold or heading line). */
  isTitled: boolean;
  /** Where the step starts in the reasoning text, UTF-16 offset (inclusive). */
  start: number;
  /** Where it ends, UTF-16 offset (exclusive); the next step's start, or the text's length. */
  end: number;
  /** Estimated tokens (one per CJK character, one per four other characters). */
  tokens: number;
}

/** An incremental segmenter: feed deltas, read the steps at any moment. */
export interface StepSegmenter {
  /** Adds the next piece of reasoning text. */
  feed(delta: string): void;
  /**
   * The steps so far. Finished steps keep their object identity from call to call.
   * @param isComplete - the text has ended: its last line counts as complete for the last title.
   */
  steps(isComplete?: boolean): readonly ReasoningStepSpan[];
  /** Length of the text fed so far, UTF-16 code units. */
  readonly length: number;
  /** Characters read so far, counting every re-read: stays within a small multiple of `length`. */
  readonly work: number;
}

interface OpenStep {
  start: number;
  title: string;
  isTitled: boolean;
  chars: number;
  cjk: number;
  hasContent: boolean;
}

/** Creates a segmenter for one trace. */
export function createStepSegmenter(): StepSegmenter {
  const finished: ReasoningStepSpan[] = [];
  let open: OpenStep = {
    start: 0,
    title: '',
    isTitled: false,
    chars: 0,
    cjk: 0,
    hasContent: false,
  };
  let length = 0;
  let work = 0;
  let line = '';
  let lineStart = 0;
  let lineCjk = 0;
  let isTitledTrace = false;
  let isInFence = false;
  let isAfterBlank = true;
  let cached: readonly ReasoningStepSpan[] | undefined;
  let cachedComplete = false;

  const startStep = (start: number, title: string, isTitled: boolean) => {
    finished.push({
      index: finished.length,
      title: open.title,
      isTitled: open.isTitled,
      start: open.start,
      end: start,
      tokens: estimateTokenCount(open.chars, open.cjk),
    });
    open = { start, title, isTitled, chars: 0, cjk: 0, hasContent: false };
  };

  const decide = (text: string, start: number): void => {
    work += text.length;
    const kind: LineKind = isInFence ? { kind: 'text' } : classifyLine(text, isAfterBlank);
    isAfterBlank = kind.kind === 'blank';
    if (kind.kind === 'fence' || (isInFence && /^\s{0,3}(?:```|~~~)/.test(text))) {
      isInFence = !isInFence;
    }
    if (kind.kind === 'title') {
      isTitledTrace = true;
      if (open.hasContent) startStep(start, kind.title, true);
      else open = { ...open, title: kind.title, isTitled: true };
    } else if (
      kind.kind === 'pivot' &&
      !isTitledTrace &&
      text.length >= MIN_PIVOT_CHARS &&
      estimateTokenCount(open.chars, open.cjk) >= MIN_STEP_TOKENS
    ) {
      startStep(start, sentenceTitle(text), false);
    } else if (open.title === '' && kind.kind !== 'blank' && kind.kind !== 'fence') {
      open.title = sentenceTitle(text);
    }
    if (kind.kind !== 'blank') open.hasContent = true;
  };

  return {
    feed(delta: string): void {
      if (delta === '') return;
      cached = undefined;
      let from = 0;
      for (let at = 0; at < delta.length; at += 1) {
        const code = delta.charCodeAt(at);
        if (isCjk(code)) lineCjk += 1;
        if (code !== 10) continue;
        line += delta.slice(from, at);
        decide(line, lineStart);
        const lineLength = line.length + 1;
        open.chars += lineLength;
        open.cjk += lineCjk;
        lineStart += lineLength;
        line = '';
        lineCjk = 0;
        from = at + 1;
      }
      work += delta.length;
      line += delta.slice(from);
      length += delta.length;
    },
    steps(isComplete = false): readonly ReasoningStepSpan[] {
      if (cached !== undefined && cachedComplete === isComplete) return cached;
      cachedComplete = isComplete;
      if (length === 0) return (cached = []);
      cached = [
        ...finished,
        {
          index: finished.length,
          title: open.title === '' ? provisionalTitle(line, isComplete) : open.title,
          isTitled: open.isTitled,
          start: open.start,
          end: length,
          tokens: estimateTokenCount(open.chars + line.length, open.cjk + lineCjk),
        },
      ];
      return cached;
    },
    get length() {
      return length;
    },
    get work() {
      return work;
    },
  };
}

/**
 * The title of a step whose first line is still arriving: known once that line has a sentence end
 * or more characters than a title keeps, since more text cannot change it then.
 */
function provisionalTitle(line: string, isComplete: boolean): string {
  const head = line.slice(0, LOOK_AHEAD);
  if (head.trim() === '') return '';
  const isSettled =
    isComplete || head.length > SENTENCE_TITLE_LENGTH + 1 || /[.!?。！？]\s/u.test(head);
  return isSettled ? sentenceTitle(head) : '';
}

/** The steps of a whole trace, its last line taken as complete. */
export function segmentSteps(text: string): readonly ReasoningStepSpan[] {
  const segmenter = createStepSegmenter();
  segmenter.feed(text);
  return segmenter.steps(true);
}
