import { describe, expect, it } from 'vitest';
import { untitledTrace } from '../../testing/synthetic-traces';
import { findMatches, foldCase, matchRange, MAX_MATCHES } from './find-matches';

describe('findMatches', () => {
  it('finds every match ignoring case, as offsets in the text', () => {
    const text = 'Modulo seven. MODULO again, and modulo.';
    const matches = findMatches(text, 'modulo');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Modulo', 'MODULO', 'modulo']);
  });

  it('keeps offsets right when lower-casing changes a character length', () => {
    const text = 'İstanbul then Remainder, remainder';
    expect(foldCase(text)).toHaveLength(text.length);
    const matches = findMatches(text, 'REMAINDER');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Remainder', 'remainder']);
  });

  it('finds nothing for a blank query, and non-overlapping matches', () => {
    expect(findMatches('abc', '  ')).toEqual([]);
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('searches a 400 KB trace whole, up to its cap', () => {
    let text = untitledTrace(3000);
    while (text.length < 400_000) text += `\n\n${text}`;
    text += '\n\nThe Needle is here.';
    const needle = findMatches(text, 'needle');
    const at = text.indexOf('Needle');
    expect(needle).toEqual([{ start: at, end: at + 6 }]);
    const common = findMatches(text, 'modulo');
    const expected = text.toLowerCase().split('modulo').length - 1;
    expect(common).toHaveLength(Math.min(expected, MAX_MATCHES));
    expect(findMatches(text, 'e')).toHaveLength(MAX_MATCHES);
  });
});

describe('matchRange', () => {
  it('gives the matches starting in a range, for every range of a text', () => {
    const text = 'ab ab  ab ab';
    const matches = findMatches(text, 'ab');
    for (let start = 0; start <= text.length; start += 1) {
      for (let end = start; end <= text.length; end += 1) {
        const { firstMatch, endMatch } = matchRange(matches, start, end);
        const inside = matches.filter((match) => match.start >= start && match.start < end);
        expect(matches.slice(firstMatch, endMatch)).toEqual(inside);
      }
    }
  });
});
