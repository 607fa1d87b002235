import { describe, expect, it } from 'vitest';
import { highlightLanguages, resolveLanguage } from './languages';

describe('resolveLanguage', () => {
  it.each([
    ['ts', 'typescript'],
    ['tsx', 'typescript'],
    ['TypeScript', 'typescript'],
    ['js', 'javascript'],
    ['jsx', 'javascript'],
    ['py', 'python'],
    ['python3', 'python'],
    ['sh', 'bash'],
    ['bash', 'bash'],
    ['zsh', 'bash'],
    ['console', 'shell'],
    ['json', 'json'],
    ['rust', 'rust'],
    ['rs', 'rust'],
    ['go', 'go'],
    ['golang', 'go'],
    ['java', 'java'],
    ['c', 'c'],
    ['h', 'c'],
    ['cpp', 'cpp'],
    ['c++', 'cpp'],
    ['sql', 'sql'],
    ['postgresql', 'sql'],
    ['yaml', 'yaml'],
    ['yml', 'yaml'],
    ['html', 'xml'],
    ['xml', 'xml'],
    ['css', 'css'],
    ['diff', 'diff'],
    ['patch', 'diff'],
    ['markdown', 'markdown'],
    ['md', 'markdown'],
    ['toml', 'ini'],
    ['c#', 'csharp'],
  ])('%s → %s', (label, language) => {
    expect(resolveLanguage(label)).toBe(language);
  });

  it('has no grammar for unknown labels, plain text or no label', () => {
    for (const label of ['brainfuck', 'text', 'plaintext', 'txt', 'output', '', 'constructor']) {
      expect(resolveLanguage(label)).toBeUndefined();
    }
    expect(resolveLanguage(undefined)).toBeUndefined();
  });

  it('maps every alias to a grammar it can load', () => {
    expect(highlightLanguages()).toContain('typescript');
    expect(highlightLanguages()).toHaveLength(new Set(highlightLanguages()).size);
  });
});
