import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundNesting, createNestingBound, MAX_CONTAINER_COLUMN } from './bound-nesting';

const withoutBackslashes = (text: string) => text.replaceAll('\\', '');

describe('boundNesting', () => {
  it('leaves ordinary markdown as the same string', () => {
    const text = '- a\n  - b\n    > c\n\n```\n' + ' '.repeat(80) + '- code\n```\n';
    expect(boundNesting(text)).toBe(text);
  });

  // Issue 10: these blanked the page with "Maximum call stack size exceeded".
  it('escapes the first marker past the deepest level allowed, keeping every character', () => {
    const list = '- '.repeat(1000) + 'x';
    expect(boundNesting(list)).toBe(`${'- '.repeat(MAX_CONTAINER_COLUMN / 2)}\\${list.slice(64)}`);
    const quote = '>'.repeat(2500);
    expect(boundNesting(quote)).toBe(`${'>'.repeat(64)}\\${'>'.repeat(2436)}`);
    expect(boundNesting(`${'1. '.repeat(30)}x`)).toBe(
      `${'1. '.repeat(22)}1\\. ${'1. '.repeat(7)}x`,
    );
    expect(boundNesting(`${'\t'.repeat(16)}* x`)).toBe(`${'\t'.repeat(16)}\\* x`);
  });

  it('reads each kind of marker, and only markers, up to the deepest level', () => {
    expect(boundNesting(`${'+ '.repeat(40)}x`)).toBe(`${'+ '.repeat(32)}\\${'+ '.repeat(8)}x`);
    expect(boundNesting(`${'1) '.repeat(30)}x`)).toBe(
      `${'1) '.repeat(22)}1\\) ${'1) '.repeat(7)}x`,
    );
    // Not markers: a thematic break, and a number of ten digits.
    for (const text of ['-'.repeat(70), `${'- '.repeat(32)}1234567890. x`]) {
      expect(boundNesting(text)).toBe(text);
    }
    // A tab after a space reaches column 4, so the last marker here is at column 63.
    const tabbed = ` \t${'- '.repeat(29)} - x`;
    expect(boundNesting(tabbed)).toBe(tabbed);
    expect(boundNesting(` \t${'- '.repeat(30)}- x`)).toBe(` \t${'- '.repeat(30)}\\- x`);
  });

  const deepColumn = ' '.repeat(MAX_CONTAINER_COLUMN);

  it.each([
    ['x', 'x'],
    ['1. x', '1\\. x'],
    ['1) x', '1\\) x'],
    ['0. x', '0\\. x'],
    ['9) x', '9\\) x'],
    ['1.', '1\\.'],
    ['1x', '1x'],
    ['1', '1'],
    ['. x', '. x'],
    [') x', ') x'],
    ['> x', '\\> x'],
    ['* x', '\\* x'],
  ])('at the deepest column reads %j as %j', (line, bounded) => {
    expect(boundNesting(`${deepColumn}${line}`)).toBe(`${deepColumn}${bounded}`);
  });

  it('takes a tab after a marker as its separator', () => {
    expect(boundNesting(`${'-\t'.repeat(17)}x`)).toBe(`${'-\t'.repeat(16)}\\-\tx`);
  });

  it.each([
    ['~~~', true],
    ['~~~a`b', true],
    ['````', true],
    ['``', false],
    ['```a`b', false],
    ['~~', false],
  ])('reads %j as a fence opening: %s', (opening, isFence) => {
    const deep = `${deepColumn}- item`;
    const bounded = isFence ? deep : `${deepColumn}\\- item`;
    expect(boundNesting(`${opening}\n${deep}`)).toBe(`${opening}\n${bounded}`);
  });

  it('keeps a quoted fence open across its shallow lines', () => {
    const deep = `${' '.repeat(70)}- item`;
    const text = ['> ```', '> - x', `> ${deep}`, '> ```'].join('\n');
    expect(boundNesting(text)).toBe(text);
  });

  it('keeps a fence open across blank lines, and closes it only with a long enough bare run', () => {
    const deep = `${deepColumn}- item`;
    const escaped = `${deepColumn}\\- item`;
    expect(boundNesting(`- \`\`\`\n\n   \n  ${deep}`)).toBe(`- \`\`\`\n\n   \n  ${deep}`);
    expect(boundNesting(`\`\`\`\`\n\`\`\`\n${deep}`)).toBe(`\`\`\`\`\n\`\`\`\n${deep}`);
    expect(boundNesting(`\`\`\`\n\`\`\`x\n${deep}`)).toBe(`\`\`\`\n\`\`\`x\n${deep}`);
    expect(boundNesting(`\`\`\`\n\`\`\`\`  \n${deep}`)).toBe(`\`\`\`\n\`\`\`\`  \n${escaped}`);
  });

  it('starts over when the text is not the previous text extended', () => {
    const deep = `${'- '.repeat(40)}x`;
    const bound = createNestingBound();
    bound.update(`${deep}\nq`);
    expect(bound.update(`zz\n${deep}\nq`)).toBe(boundNesting(`zz\n${deep}\nq`));
    expect(bound.update('plain')).toBe('plain');
  });

  it('bounds lists nested by indentation, one line each', () => {
    const lines = Array.from(
      { length: 100 },
      (_, depth) => `${'  '.repeat(depth)}- level ${depth}`,
    );
    const bounded = boundNesting(lines.join('\n')).split('\n');
    expect(bounded[31]).toBe(lines[31]);
    expect(bounded[32]).toBe(`${'  '.repeat(32)}\\- level 32`);
    expect(bounded[99]).toBe(`${'  '.repeat(99)}\\- level 99`);
  });

  it('leaves deep lines inside a fenced code block alone, and bounds them after it', () => {
    const deep = `${' '.repeat(70)}- item`;
    const text = ['> ```', `> ${deep}`, '> ```', deep, '- ```', `  ${deep}`, 'x', deep].join('\n');
    expect(boundNesting(text).split('\n')).toEqual([
      '> ```',
      `> ${deep}`,
      '> ```',
      `${' '.repeat(70)}\\- item`,
      '- ```',
      `  ${deep}`,
      'x',
      // Less indented than the fence: the list item, and its fence, ended.
      `${' '.repeat(70)}\\- item`,
    ]);
  });

  it('keeps every character, and streams: a prefix bounds to a prefix of the whole', () => {
    const piece = fc.constantFrom(
      '- ',
      '> ',
      '>',
      '1. ',
      '12)',
      '* ',
      '+',
      '  ',
      '\t',
      'x',
      '\n',
      '```',
      '~~~',
      ' ',
      '-',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (pieces, cuts) => {
          const text = pieces.join('');
          const whole = boundNesting(text);
          expect(withoutBackslashes(whole)).toBe(withoutBackslashes(text));
          const bound = createNestingBound();
          for (const cut of [...cuts.map((c) => c % (text.length + 1)), text.length].sort(
            (a, b) => a - b,
          )) {
            const prefix = text.slice(0, cut);
            const streamed = bound.update(prefix);
            expect(streamed).toBe(boundNesting(prefix));
            expect(whole.startsWith(streamed)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
