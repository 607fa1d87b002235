/// <reference types="node" />
/**
 * Test helpers for the recorded provider streams in `../shared/streams` (beside the repository).
 *
 * Node-only, framework-free: tests read the recordings at run time; they are never copied into the
 * project. The folder is found relative to this file, so it works in any checkout that has
 * `shared/` next to the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSseParser, type SseEvent } from '../core/sse/parse-sse';
import type { StreamEvent } from '../core/stream/stream-event';
import { normalizeChatCompletionEvent } from '../core/api-styles/chat-completions';
import {
  applyStreamEvent,
  createAssistantMessage,
  type AssistantMessageEvent,
  type AssistantMessageState,
} from '../core/stream/assistant-message';

/**
 * Absolute path of the recorded streams folder, `<repo>/../shared/streams`, or
 * `RUMINATE_STREAMS_DIR` when set (the mutation run tests a copy of the repository elsewhere).
 */
export const recordingsDir: string =
  process.env.RUMINATE_STREAMS_DIR ??
  fileURLToPath(new URL('../../../shared/streams', import.meta.url));

/** The file names (not paths) of every `*.sse` recording, sorted. */
export function listRecordings(): string[] {
  return readdirSync(recordingsDir)
    .filter((name) => name.endsWith('.sse'))
    .sort();
}

/**
 * Whether a recording is an OpenAI-compatible `/chat/completions` stream (style `cc` in the
 * recordings README): every file except the Responses API and Anthropic ones.
 */
export function isChatCompletionsRecording(name: string): boolean {
  return !name.includes('responses') && !name.includes('anthropic');
}

/** The file names of the chat-completions recordings, sorted. */
export function listChatCompletionsRecordings(): string[] {
  return listRecordings().filter(isChatCompletionsRecording);
}

/** The raw bytes of one recording, by file name (as returned by {@link listRecordings}). */
export function readRecording(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(recordingsDir, name)));
}

/**
 * Cuts `bytes` into consecutive reads at the given offsets. Offsets outside `(0, length)` and
 * duplicates are ignored; with no offsets the whole input is one read.
 */
export function splitBytes(bytes: Uint8Array, splitPoints: readonly number[] = []): Uint8Array[] {
  const cuts = [...new Set(splitPoints)]
    .filter((point) => point > 0 && point < bytes.length)
    .sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

/** A decoding stage: bytes in, stream events out (the shape of `createReplyDecoder`). */
export interface DecodeStage {
  feed(bytes: Uint8Array): StreamEvent[];
  end(): StreamEvent[];
}

/** A stage of `createSseParser` and a normalizer; `extraEventFields` as for the parser. */
export function sseStage(
  normalize: (event: SseEvent) => StreamEvent[],
  extraEventFields: readonly string[] = [],
): DecodeStage {
  let out: StreamEvent[] = [];
  const parser = createSseParser((event) => out.push(...normalize(event)), { extraEventFields });
  const take = () => {
    const events = out;
    out = [];
    return events;
  };
  return {
    feed: (bytes) => (parser.feed(bytes), take()),
    end: () => (parser.end(), take()),
  };
}

/**
 * Plays bytes through a decoding stage into the reducer: `request-sent` first, each read's events,
 * the stage's `end()` events, then `stream-end`. The clock is fake: it starts at 1000 and goes up by
 * 1 for every event applied.
 *
 * @param splitPoints - byte offsets at which the body is cut into separate reads.
 * @returns the final message state.
 */
export function replayStage(
  stage: DecodeStage,
  bytes: Uint8Array,
  splitPoints?: readonly number[],
): AssistantMessageState {
  let state = createAssistantMessage();
  let clock = 1000;
  const apply = (event: AssistantMessageEvent): void => {
    clock += 1;
    state = applyStreamEvent(state, event, clock);
  };
  apply({ type: 'request-sent' });
  for (const chunk of splitBytes(bytes, splitPoints)) stage.feed(chunk).forEach(apply);
  stage.end().forEach(apply);
  apply({ type: 'stream-end' });
  return state;
}

/**
 * Plays a chat-completions stream through the plain pipeline, without the `<think>` splitter:
 * `createSseParser` (with llama.cpp's non-standard `error:` field) → `normalizeChatCompletionEvent`
 * → `applyStreamEvent`. See {@link replayStage} for the clock.
 */
export function replay(bytes: Uint8Array, splitPoints?: readonly number[]): AssistantMessageState {
  return replayStage(sseStage(normalizeChatCompletionEvent, ['error']), bytes, splitPoints);
}

/**
 * A tiny seeded PRNG (mulberry32): the same seed always gives the same sequence of numbers in
 * `[0, 1)`, so "random" splits are reproducible from the seed named in a failing test.
 */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeded split points for {@link splitBytes}: cuts `length` bytes into reads of random sizes
 * between 1 and `maxRead` bytes (default 97, so cuts land inside lines, CRLFs and characters).
 */
export function randomSplitPoints(length: number, seed: number, maxRead = 97): number[] {
  const random = createPrng(seed);
  const points: number[] = [];
  for (let at = 1 + Math.floor(random() * maxRead); at < length;) {
    points.push(at);
    at += 1 + Math.floor(random() * maxRead);
  }
  return points;
}

/** Split points that feed every byte as its own read. */
export function everyByte(length: number): number[] {
  return Array.from({ length: Math.max(length - 1, 0) }, (_, index) => index + 1);
}
