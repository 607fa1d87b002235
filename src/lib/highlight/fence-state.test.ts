import { describe, expect, it } from 'vitest';
import { isFenceFinished } from './fence-state';

/** Whether the fence starting at the first ``` / ~~~ in `source` and ending at `end` is done. */
function finished(source: string, end: number, isFinished = false): boolean {
  const start = source.search(/`{3}|~{3}/);
  return isFenceFinished(source, start, end, isFinished);
}

describe('isFenceFinished', () => {
  const closed = '```ts\nconst a = 1;\n```';

  it('is finished once a newline follows the closing fence', () => {
    expect(finished(`${closed}\n`, closed.length)).toBe(true);
    expect(finished(`${closed}\r\n\r\nmore`, closed.length)).toBe(true);
  });

  it('waits at the very end of a text that may grow, unless it is finished', () => {
    expect(finished(closed, closed.length)).toBe(false);
    expect(finished(closed, closed.length, true)).toBe(true);
  });

  it('is never finished without a closing fence line', () => {
    const open = '```ts\nconst a = 1;\n';
    expect(finished(open, open.length)).toBe(false);
    expect(finished(open, open.length, true)).toBe(false);
    const inner = '````md\n```\n';
    expect(finished(inner, inner.length - 1, true)).toBe(false);
    const otherMarker = '~~~\ncode\n```';
    expect(finished(otherMarker, otherMarker.length, true)).toBe(false);
  });

  it('reads closing fences inside lists and blockquotes', () => {
    const quoted = '> ```js\n> x\n> ```';
    expect(finished(`${quoted}\n`, quoted.length)).toBe(true);
    const listed = '- ```js\n  x\n  ```';
    expect(finished(`${listed}\n\nnext`, listed.length)).toBe(true);
  });

  it('is not finished when the position is unknown or out of range', () => {
    expect(isFenceFinished(closed, undefined, undefined, true)).toBe(false);
    expect(isFenceFinished(closed, 0, closed.length + 5, true)).toBe(false);
  });
});
