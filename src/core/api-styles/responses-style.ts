/**
 * The OpenAI Responses API style: `POST {baseUrl}/responses`, as one {@link ApiStyleDefinition}.
 */
import {
  joinUrl,
  streamHeaders,
  supportedOptions,
  type StyleRequestInput,
} from '../requests/request-spec';
import { bearerHeaders, type ApiStyleDefinition } from './api-style-definition';
import { createResponsesNormalizer } from './responses';

/** `{ model, input, stream: true, reasoning: { summary: 'auto', effort? } }`, system as instructions. */
function responsesBody(input: StyleRequestInput): Record<string, unknown> {
  const options = supportedOptions(input.family, input.options, input.model);
  const system = input.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const body: Record<string, unknown> = {
    model: input.model,
    input: input.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role, content: m.content })),
    stream: true,
    reasoning: {
      summary: 'auto',
      ...(options.reasoningEffort && { effort: options.reasoningEffort }),
    },
  };
  if (system.length > 0) body.instructions = system.join('\n\n');
  if (options.maxTokens !== undefined) body.max_output_tokens = options.maxTokens;
  return body;
}

/**
 * Responses: `Authorization: Bearer <key>` when a key is set; models at `GET {baseUrl}/models`
 * (OpenAI API reference, "List models").
 */
export const responsesStyle = {
  id: 'responses',
  label: 'OpenAI Responses API',
  buildRequest: (input) => ({
    url: joinUrl(input.baseUrl, 'responses'),
    headers: { ...streamHeaders(), ...bearerHeaders(input.apiKey) },
    body: responsesBody(input),
  }),
  buildModelsRequest: (baseUrl, apiKey) => ({
    url: joinUrl(baseUrl, 'models'),
    headers: bearerHeaders(apiKey),
  }),
  createNormalizer: () => ({ normalize: createResponsesNormalizer(), end: () => [] }),
  splitsAnswerText: false,
  extraEventFields: [],
} as const satisfies ApiStyleDefinition<'responses'>;
