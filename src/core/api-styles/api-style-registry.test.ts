import { describe, expect, it } from 'vitest';
import { API_STYLE_IDS, API_STYLES, apiStyleDefinition, type ApiStyle } from './api-style-registry';

describe('API style registry', () => {
  it('lists each style once, by the id its record carries', () => {
    expect(API_STYLE_IDS).toEqual(['chat-completions', 'responses', 'anthropic-messages']);
    expect(new Set(API_STYLES.map((style) => style.label)).size).toBe(API_STYLES.length);
  });

  it('finds the record of every id', () => {
    for (const id of API_STYLE_IDS) expect(apiStyleDefinition(id).id).toBe(id);
  });

  it('refuses an id that is not registered', () => {
    expect(() => apiStyleDefinition('soap' as ApiStyle)).toThrow('Unknown API style: soap');
  });

  it('splits answer text and reads llama.cpp error lines for chat completions only', () => {
    expect(API_STYLES.filter((style) => style.splitsAnswerText).map((style) => style.id)).toEqual([
      'chat-completions',
    ]);
    expect(apiStyleDefinition('chat-completions').extraEventFields).toEqual(['error']);
    expect(apiStyleDefinition('responses').extraEventFields).toEqual([]);
  });
});
