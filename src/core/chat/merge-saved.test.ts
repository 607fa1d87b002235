import { describe, expect, it } from 'vitest';
import { applyStreamEvent, createAssistantMessage } from '../stream/assistant-message';
import type { AssistantMessage, ChatMessage, UserMessage } from './chat-message';
import { mergeSaved } from './merge-saved';

const question: UserMessage = {
  id: 'q1',
  parentId: null,
  createdAt: 1,
  role: 'user',
  content: 'Is 91 prime?',
  revision: 1,
};

function reply(answer: string, revision: number, status: 'done' | 'answering'): AssistantMessage {
  let state = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, 2);
  state = applyStreamEvent(state, { type: 'answer-delta', text: answer }, 3);
  if (status === 'done') state = applyStreamEvent(state, { type: 'stream-end' }, 4);
  return {
    id: 'a1',
    parentId: 'q1',
    createdAt: 2,
    role: 'assistant',
    model: 'thinker-1',
    providerName: 'Test provider',
    state,
    revision,
  };
}

/** What storage hands back: the same data in new objects. */
function reloaded<T extends readonly ChatMessage[]>(messages: T): T {
  return structuredClone(messages);
}

describe('mergeSaved', () => {
  it('keeps the local list and objects when the saved copy holds the same data', () => {
    const local = [question, reply('No: 7 × 13.', 2, 'done')];
    const merged = mergeSaved(local, reloaded(local));
    expect(merged).toBe(local);
    expect(merged[0]).toBe(question);
  });

  it('treats a missing field and one holding undefined as the same', () => {
    const local = [{ ...reply('No.', 2, 'done'), isReasoningOpen: undefined }];
    const saved = reloaded<AssistantMessage[]>(local);
    delete saved[0]!.isReasoningOpen;
    expect('isReasoningOpen' in saved[0]!).toBe(false);
    expect(mergeSaved(local, saved)).toBe(local);
  });

  it('adds a message only the saved copy has, after the local ones', () => {
    const local = [question];
    const answer = reply('No.', 1, 'done');
    const merged = mergeSaved(local, [question, answer]);
    expect(merged).toEqual([question, answer]);
    expect(merged[0]).toBe(question);
  });

  it('keeps a local message the saved copy does not have yet', () => {
    const local = [question, reply('No.', 1, 'done')];
    expect(mergeSaved(local, [question])).toBe(local);
  });

  it('takes a newer revision and ignores an older one', () => {
    const local = [question, reply('No.', 3, 'done')];
    const newer = { ...reply('No.', 4, 'done'), isReasoningOpen: true };
    expect(mergeSaved(local, [newer])[1]).toBe(newer);
    expect(mergeSaved(local, [{ ...newer, revision: 2 }])).toBe(local);
  });

  it('at equal revisions with different data, lets supersedes decide', () => {
    const streaming = reply('No', 3, 'answering');
    const settled = reply('No.', 3, 'done');
    // A settled copy replaces a streaming one; a streaming copy never undoes a settled one.
    expect(mergeSaved([streaming], [settled])[0]).toBe(settled);
    expect(mergeSaved([settled], [streaming])[0]).toBe(settled);
  });

  it('keeps the live state of the reply streaming in this tab', () => {
    const local = reply('No', 3, 'answering');
    const live = { id: local.id, state: reply('No: 7 × 13', 3, 'answering').state };
    // This tab's own save of an earlier state comes back: the live state stays.
    const echo = reloaded([{ ...local, state: reply('N', 3, 'answering').state }]);
    const merged = mergeSaved([local], echo, live);
    expect(merged[0]).toEqual({ ...local, state: live.state });
    // Already showing the live state: nothing to do.
    const shown = [{ ...local, state: live.state }];
    expect(mergeSaved(shown, echo, live)).toBe(shown);
    // Another tab's newer revision brings its other fields, with the live state.
    const opened = { ...local, revision: 4, isReasoningOpen: true };
    expect(mergeSaved(shown, [opened], live)[0]).toEqual({ ...opened, state: live.state });
  });

  it('leaves the list alone when the live reply is not in it, or its id is a question', () => {
    const local = [question];
    const state = reply('No', 3, 'answering').state;
    expect(mergeSaved(local, reloaded(local), { id: 'gone', state })).toBe(local);
    expect(mergeSaved(local, reloaded(local), { id: question.id, state })).toBe(local);
  });
});
