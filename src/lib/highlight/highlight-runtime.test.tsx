import { render } from '@testing-library/react';
import hljs from 'highlight.js/lib/core';
import { describe, expect, it } from 'vitest';
import {
  highlightToReact,
  isLanguageRegistered,
  MAX_HIGHLIGHT_LENGTH,
  registerLanguage,
} from './highlight-runtime';
import { highlightLanguages } from './languages';

describe('highlight runtime', () => {
  it('loads and registers every grammar it knows, with the grammars they embed', async () => {
    for (const language of highlightLanguages()) {
      await registerLanguage(language);
      expect(isLanguageRegistered(language), language).toBe(true);
    }
  });

  it('returns React elements whose text is exactly the code', async () => {
    await registerLanguage('typescript');
    const code =
      'const tag = \'<img src=x onerror=alert(1)>\' && a < b; // &amp; "q"\n\treturn `${x}`;';
    const nodes = highlightToReact(code, 'typescript');
    expect(nodes).toBeDefined();
    const { container } = render(<code>{nodes}</code>);
    expect(container.textContent).toBe(code);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(container.querySelector('.hljs-string')?.textContent).toBe(
      "'<img src=x onerror=alert(1)>'",
    );
    expect(container.querySelector('.hljs-comment')).not.toBeNull();
  });

  it('embeds CSS and JavaScript in HTML', async () => {
    await registerLanguage('xml');
    const { container } = render(
      <code>{highlightToReact('<style>a { color: red; }</style>', 'xml')}</code>,
    );
    expect(container.querySelector('.language-css')).not.toBeNull();
  });

  it('gives up on code that is too long', async () => {
    await registerLanguage('typescript');
    expect(highlightToReact('x', 'typescript')).toBeDefined();
    expect(highlightToReact('x'.repeat(MAX_HIGHLIGHT_LENGTH + 1), 'typescript')).toBeUndefined();
  });

  it('gives up on a language not registered, and highlights it once registered', async () => {
    // Other tests in this file register every grammar: start from sql unregistered.
    hljs.unregisterLanguage('sql');
    expect(isLanguageRegistered('sql')).toBe(false);
    expect(highlightToReact('SELECT 1', 'sql')).toBeUndefined();
    await registerLanguage('sql');
    const { container } = render(<code>{highlightToReact('SELECT 1', 'sql')}</code>);
    expect(container.querySelector('.hljs-keyword')?.textContent).toBe('SELECT');
    expect(container.textContent).toBe('SELECT 1');
  });
});
