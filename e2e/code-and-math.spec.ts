import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ChatPage } from './pages/chat-page';

/** The reply: a TypeScript fence, math in all four delimiters a model uses, and money. */
const ANSWER = [
  'Here is the code:',
  '',
  '```ts',
  'const answer: number = 42;',
  'export function double(x: number): number {',
  '  return x * 2; // twice',
  '}',
  '```',
  '',
  'A circle has area $\\pi r^2$ and \\(e^{i\\pi} + 1 = 0\\).',
  '',
  '$$',
  '\\int_0^1 x\\,dx = \\frac{1}{2}',
  '$$',
  '',
  '\\[',
  '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
  '\\]',
  '',
  'It costs $5 and $10.',
].join('\n');

/** `text` as a DeepSeek-style chat completions stream, in pieces of about `size` characters. */
function completionStream(reasoning: string, text: string, size = 12): string {
  const chunk = (delta: Record<string, string>, finish: string | null = null) =>
    `data: ${JSON.stringify({
      id: 'code-and-math',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'deepseek-reasoner',
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  const pieces = [chunk({ role: 'assistant', content: '', reasoning_content: reasoning })];
  for (let start = 0; start < text.length; start += size) {
    pieces.push(chunk({ content: text.slice(start, start + size) }));
  }
  pieces.push(chunk({}, 'stop'), 'data: [DONE]\n\n');
  return pieces.join('');
}

/**
 * A real OpenAI-compatible server on 127.0.0.1 (a free port) that answers every chat completion
 * with `body`, an SSE stream, and allows the browser's CORS preflight.
 */
async function startProvider(
  body: string,
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    request.resume();
    request.on('end', () => {
      response.writeHead(200, {
        ...cors,
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test.describe('code and math in answers', () => {
  test('a finished reply shows highlighted code and KaTeX math, loaded under the CSP', async ({
    page,
  }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const fontStatuses: number[] = [];
    page.on('response', (response) => {
      if (/KaTeX_.*\.woff2$/.test(response.url())) fontStatuses.push(response.status());
    });

    const provider = await startProvider(
      completionStream('Let me write the code and the maths.', ANSWER),
    );
    try {
      const chat = new ChatPage(page);
      await chat.openWithMock('deepseek-reasoner', { baseUrl: provider.baseUrl });
      await chat.send('Show me some TypeScript and some maths.');
      await chat.expectStatus('done');
      const answer = chat.last().answer;

      // Code: coloured tokens, the same text, and the block's label and copy button.
      const code = answer.locator('pre code');
      await expect(code.locator('.hljs-keyword').first()).toHaveText('const');
      await expect(code.locator('.hljs-comment')).toHaveText('// twice');
      await expect(code.locator('.hljs-keyword').first()).toHaveCSS('color', 'rgb(91, 79, 214)');
      expect(await code.textContent()).toBe(ANSWER.split('```ts\n')[1]?.split('```')[0]);
      await expect(answer.locator('.code-block-bar')).toContainText('ts');
      await expect(answer.getByRole('button', { name: 'Copy code' })).toBeVisible();

      // Math: $…$ and \(…\) inline, $$…$$ and \[…\] displayed; money stays text.
      await expect(answer.locator('.katex')).toHaveCount(4);
      await expect(answer.locator('.katex-display')).toHaveCount(2);
      await expect(answer).toContainText('It costs $5 and $10.');
      await expect(answer).not.toContainText('\\(');

      // KaTeX's fonts come from the app's own origin, which the CSP allows.
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.fonts].some(
              (font) => font.family.replace(/"/g, '') === 'KaTeX_Main' && font.status === 'loaded',
            ),
          ),
        )
        .toBe(true);
      expect(fontStatuses.length).toBeGreaterThan(0);
      expect(fontStatuses.every((status) => status === 200)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await provider.close();
    }
  });
});
