import { describe, expect, it } from 'vitest';
import { fromTranscript, type ExportedConversation } from './conversation-export';
import { MAX_IMPORT_CONVERSATIONS, parseJsonImport, toJsonExport, toMarkdown } from './export';
import type { SharedAssistantMessage, SharedTranscript } from './transcript';

const transcript: SharedTranscript = {
  title: 'Sky colour',
  messages: [
    { role: 'user', content: 'Why is the sky blue?' },
    {
      role: 'assistant',
      reasoning: 'Rayleigh scattering goes as 1/λ⁴.',
      answer: 'Because air scatters **blue** light most.',
      status: 'done',
      finishReason: 'stop',
      timing: { requestSentAt: 0, firstReasoningAt: 1_000, firstAnswerAt: 13_400, endedAt: 15_000 },
      usage: { promptTokens: 8, completionTokens: 120, reasoningTokens: 90 },
      model: 'deepseek-reasoner',
    },
    { role: 'user', content: 'And at sunset?' },
    {
      role: 'assistant',
      reasoning: 'Longer path…',
      answer: 'Red, be',
      status: 'stopped',
      model: 'deepseek-reasoner',
    },
  ],
};

function reply(fields: Partial<SharedAssistantMessage>): SharedTranscript {
  const message: SharedAssistantMessage = {
    role: 'assistant',
    reasoning: '',
    answer: 'A',
    status: 'done',
    ...fields,
  };
  return { title: 'T', messages: [message] };
}

describe('toMarkdown', () => {
  it('writes questions, reasoning in <details> with its duration, answers and end states', () => {
    expect(toMarkdown(transcript)).toBe(
      [
        '# Sky colour',
        '**You:**',
        'Why is the sky blue?',
        '**Assistant (deepseek-reasoner):**',
        '<details><summary>Thought for 12 seconds</summary>',
        'Rayleigh scattering goes as 1/λ⁴.',
        '</details>',
        'Because air scatters **blue** light most.',
        '**You:**',
        'And at sunset?',
        '**Assistant (deepseek-reasoner):**',
        '<details><summary>Reasoning</summary>',
        'Longer path…',
        '</details>',
        'Red, be',
        '_Stopped by you._',
      ].join('\n\n') + '\n',
    );
  });

  it('times reasoning to the end when no answer came, in minutes when long', () => {
    const timing = { firstReasoningAt: 0, endedAt: 125_000 };
    expect(toMarkdown(reply({ reasoning: 'r', answer: '', timing }))).toContain(
      '<details><summary>Thought for 2 min 5 s</summary>',
    );
    const oneSecond = { firstReasoningAt: 0, firstAnswerAt: 300 };
    expect(toMarkdown(reply({ reasoning: 'r', timing: oneSecond }))).toContain(
      'Thought for 1 second',
    );
  });

  it.each([
    [{ status: 'truncated' as const }, '_Cut off at max tokens._'],
    [
      {
        status: 'error' as const,
        error: { kind: 'http' as const, message: 'Bad key_1 <b>', status: 401 },
      },
      '_Error: Bad key\\_1 \\<b\\>_',
    ],
    [{ status: 'error' as const }, '_Error._'],
    [
      {
        status: 'error' as const,
        error: { kind: 'network' as const, message: ' Lost\n\n  the  line ' },
      },
      '_Error: Lost the line_',
    ],
    [
      { status: 'interrupted' as const },
      '_Interrupted: the page closed before the reply finished._',
    ],
    [{ status: 'answering' as const }, '_Still being written when this was shared._'],
  ])('notes an unfinished reply: %j', (fields, note) => {
    expect(toMarkdown(reply(fields))).toBe(`# T\n\n**Assistant:**\n\nA\n\n${note}\n`);
  });

  it('escapes <details> tags in reasoning so it cannot close its block early', () => {
    const markdown = toMarkdown(
      reply({ reasoning: 'a </details> b </DETAILS > c <details open>' }),
    );
    expect(markdown).toContain('a &lt;/details> b &lt;/DETAILS > c &lt;details open>');
    expect(markdown.match(/<\/details>/gi)).toHaveLength(1);
  });

  it('escapes an unbalanced <details> in a question or an answer too', () => {
    const markdown = toMarkdown({
      title: 'T',
      messages: [
        { role: 'user', content: 'see <details>' },
        { role: 'assistant', reasoning: '', answer: '<DETAILS open>', status: 'done' },
      ],
    });
    expect(markdown).toBe(
      '# T\n\n**You:**\n\nsee &lt;details>\n\n**Assistant:**\n\n&lt;DETAILS open>\n',
    );
  });

  it('issue 10: writes no HTML but its own <details>: tags in messages and the title are text', () => {
    const markdown = toMarkdown({
      title: 'Hi <img src=x onerror=alert(1)>',
      messages: [
        { role: 'user', content: 'What does <script>alert(1)</script> do?' },
        {
          role: 'assistant',
          reasoning: '<iframe src="https://example.com"></iframe>',
          answer:
            'It runs `<script>` code:\n\n```html\n<script>alert(1)</script>\n```\n<b>done</b>',
          status: 'done',
        },
      ],
    });
    const tags = [...markdown.matchAll(/<\/?([a-z]+)/gi)].map((match) => match[1]);
    expect(tags).toEqual([
      'details',
      'summary',
      'summary',
      'details',
      'script',
      'script',
      'script',
    ]);
    expect(markdown).toContain('# Hi &lt;img src=x onerror=alert(1)>');
    expect(markdown).toContain('What does &lt;script>alert(1)&lt;/script> do?');
    expect(markdown).toContain('&lt;iframe src="https://example.com">&lt;/iframe>');
    expect(markdown).toContain('It runs `<script>` code:');
    expect(markdown).toContain('```html\n<script>alert(1)</script>\n```\n&lt;b>done&lt;/b>');
  });

  it('closes a code fence left open, so it cannot swallow what follows', () => {
    const markdown = toMarkdown(reply({ reasoning: 'look:\n````py\nx = 1\n```\nstill code' }));
    expect(markdown).toContain('````py\nx = 1\n```\nstill code\n````\n\n</details>');
    const closed = toMarkdown(reply({ reasoning: '~~~\ncode\n~~~' }));
    expect(closed).toContain('~~~\ncode\n~~~\n\n</details>');
  });

  it('says Reasoning when the reasoning was not timed from start to end', () => {
    for (const timing of [{ firstAnswerAt: 300 }, { firstReasoningAt: 0 }, {}]) {
      expect(toMarkdown(reply({ reasoning: 'r', timing }))).toContain(
        '<details><summary>Reasoning</summary>',
      );
    }
  });

  it('writes no answer block for a reply stopped before its answer', () => {
    expect(toMarkdown(reply({ reasoning: 'r', answer: '', status: 'stopped' }))).toBe(
      '# T\n\n**Assistant:**\n\n<details><summary>Reasoning</summary>\n\nr\n\n</details>\n\n_Stopped by you._\n',
    );
  });

  it('names an untitled conversation and keeps the title on one line', () => {
    expect(toMarkdown({ title: '  ', messages: [] })).toBe('# Untitled conversation\n');
    expect(toMarkdown({ title: 'a\nb', messages: [] })).toBe('# a b\n');
    expect(toMarkdown({ title: ' a \n\n b ', messages: [] })).toBe('# a b\n');
  });
});

describe('JSON export and import', () => {
  const at = new Date('2025-01-02T03:04:05.000Z');
  const tree: ExportedConversation = {
    id: 'c1',
    title: 'Sky colour',
    systemPrompt: 'Be brief.',
    versionChoices: { q1: 'a1' },
    messages: [
      { id: 'q1', parentId: null, createdAt: 1, role: 'user', content: 'Why is the sky blue?' },
      { id: 'a1', parentId: 'q1', createdAt: 2, ...transcript.messages[1]!, role: 'assistant' },
      {
        id: 'a2',
        parentId: 'q1',
        createdAt: 3,
        role: 'assistant',
        reasoning: '',
        answer: 'Scattering.',
        status: 'done',
        providerName: 'DeepSeek',
      },
    ],
  } as ExportedConversation;

  it('writes version 2, saying it holds every version and branch, and reads it back equal', () => {
    const text = toJsonExport([tree], at);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'exportedAt',
      'contents',
      'conversations',
    ]);
    expect(file).toMatchObject({
      format: 'ruminate-transcript',
      version: 2,
      exportedAt: '2025-01-02T03:04:05.000Z',
      contents: expect.stringMatching(/every version and branch/i),
    });
    expect(parseJsonImport(text)).toEqual({ ok: true, version: 2, conversations: [tree] });
    expect(parseJsonImport(`\uFEFF${text}`).ok).toBe(true);
  });

  it('still reads version 1 files, one transcript or several, as one chain each', () => {
    const other: SharedTranscript = { title: '', messages: [] };
    const single = { format: 'ruminate-transcript', version: 1, exportedAt: 'x', transcript };
    expect(parseJsonImport(JSON.stringify(single))).toEqual({
      ok: true,
      version: 1,
      conversations: [fromTranscript(transcript)],
    });
    const history = {
      format: 'ruminate-transcript',
      version: 1,
      conversations: [transcript, other],
    };
    expect(parseJsonImport(JSON.stringify(history))).toEqual({
      ok: true,
      version: 1,
      conversations: [fromTranscript(transcript), fromTranscript(other)],
    });
  });

  const file = { format: 'ruminate-transcript', version: 1, exportedAt: 'x', transcript };
  it.each([
    ['garbage', 'not json {', /not valid JSON/],
    ['a JSON array', '[]', /not a Ruminate export/],
    ['another format', JSON.stringify({ ...file, format: 'chatgpt' }), /not a Ruminate export/],
    [
      'a newer version',
      JSON.stringify({ ...file, version: 3 }),
      /newer Ruminate \(format version 3\)/,
    ],
    ['an odd version', JSON.stringify({ ...file, version: '1' }), /unknown format version \("1"\)/],
    ['version 0', JSON.stringify({ ...file, version: 0 }), /unknown format version \(0\)/],
    [
      'no conversation',
      JSON.stringify({ ...file, transcript: undefined }),
      /holds no conversation/,
    ],
    [
      'a version 2 file in the version 1 shape',
      JSON.stringify({ ...file, version: 2 }),
      /holds no conversation/,
    ],
  ])('refuses %s with a clear error', (_, text, error) => {
    const result = parseJsonImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('says where a schema-invalid file is damaged', () => {
    const bad = { ...transcript, messages: [{ role: 'system', content: 'x' }] };
    const result = parseJsonImport(JSON.stringify({ ...file, transcript: bad }));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/damaged.*transcript\.messages\.0\.role/),
    });
    const history = {
      format: 'ruminate-transcript',
      version: 1,
      conversations: [transcript, { title: 1 }],
    };
    const second = parseJsonImport(JSON.stringify(history));
    expect(second).toEqual({ ok: false, error: expect.stringMatching(/conversations\.1\.title/) });
  });

  it('issue 10: refuses more than MAX_IMPORT_CONVERSATIONS conversations, in either version', () => {
    const empty = { title: '', systemPrompt: '', versionChoices: {}, messages: [] };
    const many = (n: number) =>
      toJsonExport(
        Array.from({ length: n }, () => empty),
        at,
      );
    expect(parseJsonImport(many(MAX_IMPORT_CONVERSATIONS)).ok).toBe(true);
    expect(parseJsonImport(many(MAX_IMPORT_CONVERSATIONS + 1))).toEqual({
      ok: false,
      error: expect.stringMatching(/at most 1,000 conversations/),
    });
    const v1 = {
      format: 'ruminate-transcript',
      version: 1,
      conversations: Array.from({ length: MAX_IMPORT_CONVERSATIONS + 1 }, () => ({
        title: '',
        messages: [],
      })),
    };
    expect(parseJsonImport(JSON.stringify(v1)).ok).toBe(false);
  });
});
