import { describe, expect, it } from 'vitest';
import { createAssistantMessage, type MessageStatus } from '../stream/assistant-message';
import { isReasoningOpenByDefault } from './reasoning-panel-policy';

const state = (status: MessageStatus, answer = '') => ({
  ...createAssistantMessage(),
  reasoning: 'r',
  status,
  answer,
});

describe('isReasoningOpenByDefault', () => {
  it('auto: open while thinking, folded once the answer starts', () => {
    expect(isReasoningOpenByDefault('auto', state('reasoning'))).toBe(true);
    expect(isReasoningOpenByDefault('auto', state('answering', 'a'))).toBe(false);
    expect(isReasoningOpenByDefault('auto', state('done', 'a'))).toBe(false);
  });

  it('auto: left open when reasoning is all the message has', () => {
    expect(isReasoningOpenByDefault('auto', state('truncated'))).toBe(true);
    expect(isReasoningOpenByDefault('auto', state('interrupted'))).toBe(true);
  });

  it('open and folded ignore the phase', () => {
    expect(isReasoningOpenByDefault('open', state('done', 'a'))).toBe(true);
    expect(isReasoningOpenByDefault('folded', state('reasoning'))).toBe(false);
  });
});
