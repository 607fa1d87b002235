import { describe, expect, it } from 'vitest';
import { fenceLanguage, isFenceClosing, readFenceOpening } from './code-fence';

/** The lines of a block, and whether the scanner says the first line's fence is closed by a later one. */
function closingLine(lines: readonly string[]): number | undefined {
  const opening = readFenceOpening(lines[0] ?? '');
  if (opening === undefined) return undefined;
  const index = lines.slice(1).findIndex((line) => isFenceClosing(line, opening));
  return index === -1 ? -1 : index + 1;
}

describe('readFenceOpening (CommonMark 0.31 §4.5)', () => {
  it('reads backtick and tilde fences of three or more (examples 119, 120)', () => {
    expect(readFenceOpening('```')).toEqual({ marker: '`', length: 3, indent: 0, info: '' });
    expect(readFenceOpening('~~~~')).toEqual({ marker: '~', length: 4, indent: 0, info: '' });
  });

  it('needs at least three characters (example 121)', () => {
    expect(readFenceOpening('``')).toBeUndefined();
    expect(readFenceOpening('~~')).toBeUndefined();
  });

  it('takes up to three spaces of indentation, not four (examples 131–134)', () => {
    expect(readFenceOpening(' ```')?.indent).toBe(1);
    expect(readFenceOpening('   ```')?.indent).toBe(3);
    expect(readFenceOpening('    ```')).toBeUndefined();
    expect(readFenceOpening('\t```')).toBeUndefined();
  });

  it('reads and trims the info string (examples 142, 143)', () => {
    expect(readFenceOpening('```ruby')?.info).toBe('ruby');
    expect(readFenceOpening('~~~~    ruby startline=3 $%@#$')?.info).toBe('ruby startline=3 $%@#$');
    expect(readFenceOpening('````;')?.info).toBe(';');
  });

  it('refuses a backtick info string with a backtick, allows it after tildes (examples 145, 146)', () => {
    expect(readFenceOpening('``` aa ```')).toBeUndefined();
    expect(readFenceOpening('```ts`x')).toBeUndefined();
    expect(readFenceOpening('~~~ aa ``` ~~~')).toEqual({
      marker: '~',
      length: 3,
      indent: 0,
      info: 'aa ``` ~~~',
    });
  });

  it('does not mix the two characters', () => {
    expect(readFenceOpening('`~~')).toBeUndefined();
    expect(readFenceOpening('~``')).toBeUndefined();
  });

  it('ignores the carriage return of a CRLF line', () => {
    expect(readFenceOpening('```ts\r')?.info).toBe('ts');
  });
});

describe('isFenceClosing (CommonMark 0.31 §4.5)', () => {
  it('closes with the same character only (examples 122, 123)', () => {
    expect(closingLine(['```', 'aaa', '~~~', '```'])).toBe(3);
    expect(closingLine(['~~~', 'aaa', '```', '~~~'])).toBe(3);
  });

  it('needs a run at least as long as the opening one (examples 124, 125)', () => {
    expect(closingLine(['````', 'aaa', '```', '``````'])).toBe(3);
    expect(closingLine(['~~~~', 'aaa', '~~~', '~~~~'])).toBe(3);
  });

  it('leaves a fence without a closing line open (examples 126, 127)', () => {
    expect(closingLine(['```'])).toBe(-1);
    expect(closingLine(['`````', '', '```', 'aaa'])).toBe(-1);
  });

  it('takes up to three spaces of indentation before the closing run (examples 135–137)', () => {
    expect(closingLine(['```', 'aaa', '  ```'])).toBe(2);
    expect(closingLine(['   ```', 'aaa', '  ```'])).toBe(2);
    expect(closingLine(['```', 'aaa', '    ```'])).toBe(-1);
  });

  it('allows trailing spaces and tabs, nothing else (examples 138, 139)', () => {
    expect(isFenceClosing('```  \t', { marker: '`', length: 3 })).toBe(true);
    expect(isFenceClosing('``` ```', { marker: '`', length: 3 })).toBe(false);
    expect(isFenceClosing('~~~ aaa', { marker: '~', length: 3 })).toBe(false);
    expect(closingLine(['~~~~~~', 'aaa', '~~~ ~~'])).toBe(-1);
  });

  it('ignores the carriage return of a CRLF line', () => {
    expect(isFenceClosing('```\r', { marker: '`', length: 3 })).toBe(true);
  });
});

describe('fenceLanguage', () => {
  it('is the first word of the info string', () => {
    expect(fenceLanguage('ts title="x"')).toBe('ts');
    expect(fenceLanguage('')).toBeUndefined();
  });
});
