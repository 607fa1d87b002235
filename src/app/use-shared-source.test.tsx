import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSharedSource } from './use-shared-source';

const KEY = 'GSCurGosRtWSji7TYBYdYZHyg6xLoenApVflJictC88';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useSharedSource', () => {
  it('reads a short link from the path and its key from the fragment', () => {
    window.history.replaceState(null, '', `/s/k-ViDxruT_HyHTBI#${KEY}`);
    const { result } = renderHook(() => useSharedSource());
    expect(result.current[0]).toEqual({ kind: 'stored', id: 'k-ViDxruT_HyHTBI', key: KEY });
  });

  it('reads a self-contained link from the fragment, and nothing from a plain URL', () => {
    window.history.replaceState(null, '', '/#s1.abc');
    expect(renderHook(() => useSharedSource()).result.current[0]).toEqual({
      kind: 'fragment',
      fragment: 's1.abc',
    });
    window.history.replaceState(null, '', '/?c=123#other');
    expect(renderHook(() => useSharedSource()).result.current[0]).toBeUndefined();
  });

  it('leaves a short link for the chat at /, dropping the key from the URL', () => {
    window.history.replaceState(null, '', `/s/k-ViDxruT_HyHTBI#${KEY}`);
    const { result } = renderHook(() => useSharedSource());
    act(() => result.current[1]());
    expect(result.current[0]).toBeUndefined();
    expect(window.location.pathname).toBe('/');
    expect(window.location.hash).toBe('');
  });
});
