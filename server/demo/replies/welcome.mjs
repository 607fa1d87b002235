/**
 * The Demo's reply to anything it has no script for: it says it is a demo, which questions it can
 * answer, and how to connect a real model, naming exactly the presets Settings offers (read from
 * the app's preset list, see `../shared-lists.mjs`).
 */

import { PROVIDER_PRESETS, SUGGESTED_QUESTIONS } from '../shared-lists.mjs';

/** The name Settings gives the Demo (`DEMO_PROVIDER` in `server/start.mjs`). */
const DEMO_NAME = 'Demo';

/**
 * One table row per preset, the Demo first, as Settings lists them.
 * @param {readonly import('../shared-lists.mjs').PresetSummary[]} presets
 */
function presetRows(presets) {
  const rows = [`| ${DEMO_NAME} | this server | not needed |`];
  for (const preset of presets) {
    const baseUrl =
      preset.baseUrl === '' ? 'the part before `/chat/completions`' : `\`${preset.baseUrl}\``;
    rows.push(`| ${preset.name} | ${baseUrl} | ${preset.needsKey ? 'required' : 'optional'} |`);
  }
  return rows.join('\n');
}

const presetNames = PROVIDER_PRESETS.map((preset) => preset.name);
const questionList = SUGGESTED_QUESTIONS.map(({ question }) => `- *${question}*`).join('\n');

const REASONING = `{{opening}} I'm Ruminate's built-in Demo, not a language model: I replay prepared replies, and I have no script for this message. Pretending to answer it would be worse than useless, so the honest reply is to say what I am and how to get a real answer.

What does someone who sends this need? Probably they opened Ruminate without connecting a model. Three things, then.

First, what they are looking at. The streaming itself is real: this text arrives token by token in DeepSeek's wire format, reasoning_content first, then content, then usage. So the Thinking panel, its timer and the markdown rendering behave as they would with a real model.

Second, what I can answer: the ${SUGGESTED_QUESTIONS.length} questions the empty chat suggests, each with a scripted reply about that very question.

Third, how to connect a model. In the browser: Settings lists ${presetNames.length + 1} presets, this Demo and ${presetNames.join(', ')}. Pick one, fill in the API key where it needs one, and choose a model. Test connection checks the setup before the first message. Or on the server: start it with RUMINATE_BASE_URL and RUMINATE_API_KEY, and the key never reaches the browser.

A table of the presets with their base URLs is the clearest way to show the list, plus the server command as a code block.`;

const ANSWER = `## This is Ruminate's Demo, not a model

You are talking to **Ruminate ${DEMO_NAME}**: scripted replies served by Ruminate itself, streamed in the format of DeepSeek's API. It needs no key and no network, and it has no reply prepared for your message.

### What the Demo can answer

${questionList}

### Connect a real model

1. Open **Settings**.
2. Choose a provider. Settings offers these presets:

| Preset | Base URL | API key |
|---|---|---|
${presetRows(PROVIDER_PRESETS)}

3. Fill in the **API key** (it stays in this browser) and the **model**, then press **Test connection**.

### Or keep the key on the server

\`\`\`bash
RUMINATE_BASE_URL=https://api.deepseek.com \\
RUMINATE_API_KEY=sk-your-key \\
RUMINATE_MODEL=deepseek-reasoner \\
npm start
\`\`\`

The server then forwards requests itself and adds its own entry to the presets in Settings.`;

/** @type {import('../pick-script.mjs').DemoScript} */
export const WELCOME_SCRIPT = {
  id: 'welcome',
  phrases: [],
  reasoning: REASONING,
  answer: ANSWER,
};
