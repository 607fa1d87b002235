import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssistantMessage } from '../stream/assistant-message';
import type { ChatMessage } from './chat-message';
import {
  chooseVersion,
  isSameChoices,
  visibleMessages,
  visiblePath,
  type VersionChoices,
} from './conversation-tree';

const user = (id: string, parentId: string | null, createdAt: number): ChatMessage => ({
  id,
  parentId,
  createdAt,
  role: 'user',
  content: id,
});
const reply = (id: string, parentId: string, createdAt: number): ChatMessage => ({
  id,
  parentId,
  createdAt,
  role: 'assistant',
  model: 'm',
  providerName: 'p',
  state: createAssistantMessage(),
});

// q1 ─ a1, a1b (regenerated) ─ q2 (under a1b); q1 edited as q1b ─ a3
const tree = [
  user('q1', null, 1),
  reply('a1', 'q1', 2),
  reply('a1b', 'q1', 3),
  user('q2', 'a1b', 4),
  user('q1b', null, 5),
  reply('a3', 'q1b', 6),
];

describe('visiblePath', () => {
  it('follows the newest version at every fork by default', () => {
    expect(visibleMessages(tree).map((m) => m.id)).toEqual(['q1b', 'a3']);
  });

  it('follows chosen versions and reports each message’s place among its versions', () => {
    const path = visiblePath(tree, { root: 'q1', q1: 'a1b' });
    expect(path.map((e) => e.message.id)).toEqual(['q1', 'a1b', 'q2']);
    expect(path[0]).toMatchObject({ versionIds: ['q1', 'q1b'], versionIndex: 0 });
    expect(path[1]).toMatchObject({ versionIds: ['a1', 'a1b'], versionIndex: 1 });
    expect(path[2]).toMatchObject({ versionIds: ['q2'], versionIndex: 0 });
  });

  it('falls back to the newest version when a choice no longer exists', () => {
    expect(visibleMessages(tree, { root: 'gone' }).map((m) => m.id)).toEqual(['q1b', 'a3']);
  });

  it('orders versions by creation time, then id, whatever order the messages come in', () => {
    // Continue on an older version saves it again, so the store can return it after a newer one;
    // a tie in creation time (same millisecond) is broken by id.
    const versions = [reply('b', 'q', 5), reply('a', 'q', 5), reply('c', 'q', 2)];
    const q = user('q', null, 1);
    for (const messages of [
      [q, ...versions],
      [...versions].reverse().concat(q),
      [versions[1]!, q, versions[2]!, versions[0]!],
    ]) {
      const path = visiblePath(messages);
      expect(path.map((e) => e.message.id)).toEqual(['q', 'b']);
      expect(path[1]).toMatchObject({ versionIds: ['c', 'a', 'b'], versionIndex: 2 });
    }
  });

  it('gives the same path for any order of the same messages', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(tree, { minLength: tree.length, maxLength: tree.length }),
        fc.constantFrom<VersionChoices>({}, { root: 'q1', q1: 'a1' }, { root: 'q1', q1: 'a1b' }),
        (shuffled, choices) => {
          expect(visiblePath(shuffled, choices)).toEqual(visiblePath(tree, choices));
        },
      ),
    );
  });

  it('ends at a message whose id repeats, as in a damaged import', () => {
    const looped = [user('x', null, 1), reply('x', 'x', 2)];
    expect(visibleMessages(looped).map((m) => m.role)).toEqual(['user']);
  });

  it('is empty for an empty conversation', () => {
    expect(visiblePath([])).toEqual([]);
  });
});

describe('chooseVersion', () => {
  it('makes a message and all its ancestors visible', () => {
    const choices = chooseVersion(tree, {}, 'q2');
    expect(visibleMessages(tree, choices).map((m) => m.id)).toEqual(['q1', 'a1b', 'q2']);
  });

  it('keeps the choices at forks off the path', () => {
    expect(chooseVersion(tree, { q1: 'a1', other: 'x' }, 'a3')).toEqual({
      q1: 'a1',
      other: 'x',
      root: 'q1b',
      q1b: 'a3',
    });
    expect(chooseVersion(tree, { root: 'q1' }, 'gone')).toEqual({ root: 'q1' });
  });
});

describe('isSameChoices', () => {
  it('compares choices fork by fork', () => {
    expect(isSameChoices({ root: 'a', a: 'b' }, { a: 'b', root: 'a' })).toBe(true);
    expect(isSameChoices({ root: 'a' }, { root: 'b' })).toBe(false);
    expect(isSameChoices({ root: 'a' }, { root: 'a', a: 'b' })).toBe(false);
    expect(isSameChoices({ root: 'a', a: 'b' }, { root: 'a' })).toBe(false);
    expect(isSameChoices({ root: 'a', a: 'b' }, { root: 'a', a: 'c' })).toBe(false);
    expect(isSameChoices({}, {})).toBe(true);
  });
});
