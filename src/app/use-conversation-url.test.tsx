import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openConversationUrl, useConversationUrl } from './use-conversation-url';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useConversationUrl', () => {
  it('reads the open conversation from ?c=', () => {
    window.history.replaceState(null, '', '/?c=abc');
    expect(renderHook(() => useConversationUrl()).result.current[0]).toBe('abc');
  });

  it('gives every reader the conversation opened anywhere, with one history entry', () => {
    const first = renderHook(() => useConversationUrl());
    const second = renderHook(() => useConversationUrl());
    const entries = window.history.length;
    act(() => openConversationUrl('x1'));
    expect(first.result.current[0]).toBe('x1');
    expect(second.result.current[0]).toBe('x1');
    expect(window.location.search).toBe('?c=x1');
    expect(window.history.length).toBe(entries + 1);
    act(() => second.result.current[1]('x1'));
    expect(window.history.length).toBe(entries + 1);
    act(() => first.result.current[1](undefined));
    expect(second.result.current[0]).toBeUndefined();
    expect(window.location.search).toBe('');
  });

  it('follows Back and Forward', () => {
    const { result } = renderHook(() => useConversationUrl());
    act(() => openConversationUrl('a'));
    act(() => {
      window.history.replaceState(null, '', '/?c=b');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current[0]).toBe('b');
  });
});
