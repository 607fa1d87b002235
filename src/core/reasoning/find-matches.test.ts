import { describe, expect, it } from 'vitest';
import { untitledTrace } from '../../testing/synthetic-traces';
import * as fc from 'fast-check';
import { createMatchFinder, findMatches, foldCase, matchRange, MAX_MATCHES } from './find-matches';

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

describe('createMatchFinder', () => {
  it('finds in a growing text what a whole search finds, at every split', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'ς', 'Σ', 'σ', 'İ', ' ') }),
        fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'σ', 'Σ'), minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, query, cuts) => {
          const finder = createMatchFinder();
          const ends = [...cuts.map((cut) => cut % (text.length + 1)), text.length].sort(
            (a, b) => a - b,
          );
          for (const end of ends) {
            expect(finder.find(text.slice(0, end), query)).toEqual(
              findMatches(text.slice(0, end), query),
            );
          }
        },
      ),
    );
  });

  it('searches only the new end of a growing text and keeps the array when nothing matched', () => {
    const finder = createMatchFinder();
    const first = finder.find('aa aa', 'aa');
    expect(first).toHaveLength(2);
    expect(finder.find('aa aa b', 'aa')).toBe(first);
    expect(finder.find('aa aa ba', 'aa')).toBe(first);
    expect(finder.find('aa aa baa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 7, end: 9 },
    ]);
    // A new query or a text that does not extend the last one is searched whole.
    expect(finder.find('aa aa baa', 'a a')).toEqual([{ start: 1, end: 4 }]);
    expect(finder.find('xaa', 'aa')).toEqual([{ start: 1, end: 3 }]);
  });

  it('stops at the cap while the text grows', () => {
    const finder = createMatchFinder();
    expect(finder.find('e'.repeat(MAX_MATCHES - 1), 'e')).toHaveLength(MAX_MATCHES - 1);
    expect(finder.find('e'.repeat(MAX_MATCHES + 5), 'e')).toHaveLength(MAX_MATCHES);
  });
});

describe('foldCase', () => {
  it('folds final sigma like sigma, so a piece folds as it would in a longer text', () => {
    expect(foldCase('ΟΔΟΣ')).toBe('οδοσ');
    expect(foldCase('ΟΔΟΣ x')).toBe('οδοσ x');
  });
});

describe('createMatchFinder, edge cases', () => {
  it('finds nothing for a blank query, also after a query that matched', () => {
    const finder = createMatchFinder();
    expect(finder.find('a  b', '  ')).toEqual([]);
    expect(finder.find('a  b', 'a')).toEqual([{ start: 0, end: 1 }]);
    expect(finder.find('a  b', ' ')).toEqual([]);
    expect(finder.find('a  b a', 'a')).toEqual([
      { start: 0, end: 1 },
      { start: 5, end: 6 },
    ]);
  });

  it('gives the same array for the same text and query, and at the cap while the text grows', () => {
    const finder = createMatchFinder();
    const first = finder.find('ab ab', 'ab');
    expect(finder.find('ab ab', 'ab')).toBe(first);
    const full = finder.find('e'.repeat(MAX_MATCHES), 'e');
    expect(full).toHaveLength(MAX_MATCHES);
    expect(finder.find('e'.repeat(MAX_MATCHES + 3), 'e')).toBe(full);
  });
});

describe('findMatches, blank queries', () => {
  it('finds nothing for a query of spaces, even in a text full of spaces', () => {
    expect(findMatches('a  b   c', '  ')).toEqual([]);
    expect(findMatches('a  b', ' ')).toEqual([]);
  });
});
