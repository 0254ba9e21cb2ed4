import { mockToolCall, type MockToolCall } from './mock-tool-call.js';

/** A declared tool: its name and its parameter schema. */
interface DeclaredTool {
  name: string;
  schema: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/**
 * The call to generate: the tool named by the `tool_call` scenario key, else the one the request forces
 * (`forced` is a name, or '' for "any declared tool"); undefined when nothing forces a call.
 */
function pick(declared: DeclaredTool[], forced: string | undefined, scenarioName: string | undefined): MockToolCall | undefined {
  const name = scenarioName ?? forced;
  if (name === undefined) return undefined;
  const tool = name === '' ? declared[0] : declared.find((candidate) => candidate.name === name);
  if (tool === undefined) return name === '' ? undefined : mockToolCall(name, undefined);
  return mockToolCall(tool.name, tool.schema);
}

/** OpenAI: `tool_choice: "required"` or `{type:"function", function:{name}}`. */
export function forcedOpenAITool(body: Record<string, unknown>, scenarioName: string | undefined): MockToolCall | undefined {
  const declared = records(body['tools']).flatMap((tool) => {
    const fn = tool['function'];
    return isRecord(fn) && typeof fn['name'] === 'string' ? [{ name: fn['name'], schema: fn['parameters'] }] : [];
  });
  const choice = body['tool_choice'];
  let forced: string | undefined;
  if (choice === 'required') forced = '';
  else if (isRecord(choice) && isRecord(choice['function']) && typeof choice['function']['name'] === 'string') forced = choice['function']['name'];
  return pick(declared, forced, scenarioName);
}

/** Anthropic: `tool_choice: {type:"any"}` or `{type:"tool", name}`. */
export function forcedAnthropicTool(body: Record<string, unknown>, scenarioName: string | undefined): MockToolCall | undefined {
  const declared = records(body['tools']).flatMap((tool) =>
    typeof tool['name'] === 'string' ? [{ name: tool['name'], schema: tool['input_schema'] }] : [],
  );
  const choice = body['tool_choice'];
  let forced: string | undefined;
  if (isRecord(choice) && choice['type'] === 'any') forced = '';
  else if (isRecord(choice) && choice['type'] === 'tool' && typeof choice['name'] === 'string') forced = choice['name'];
  return pick(declared, forced, scenarioName);
}

/** Gemini: `toolConfig.functionCallingConfig.mode: "ANY"`, optionally narrowed by `allowedFunctionNames`. */
export function forcedGeminiTool(body: Record<string, unknown>, scenarioName: string | undefined): MockToolCall | undefined {
  const declared = records(body['tools']).flatMap((tool) =>
    records(tool['functionDeclarations']).flatMap((fn) =>
      typeof fn['name'] === 'string' ? [{ name: fn['name'], schema: fn['parameters'] ?? fn['parametersJsonSchema'] }] : [],
    ),
  );
  const toolConfig = body['toolConfig'];
  const config = isRecord(toolConfig) ? toolConfig['functionCallingConfig'] : undefined;
  let forced: string | undefined;
  if (isRecord(config) && config['mode'] === 'ANY') {
    const allowed = Array.isArray(config['allowedFunctionNames']) ? config['allowedFunctionNames'][0] : undefined;
    forced = typeof allowed === 'string' ? allowed : '';
  }
  return pick(declared, forced, scenarioName);
}

/** Bedrock Converse: `toolConfig.toolChoice: {any:{}}` or `{tool:{name}}`. */
export function forcedBedrockTool(body: Record<string, unknown>, scenarioName: string | undefined): MockToolCall | undefined {
  const toolConfig = isRecord(body['toolConfig']) ? body['toolConfig'] : {};
  const declared = records(toolConfig['tools']).flatMap((tool) => {
    const spec = tool['toolSpec'];
    if (!isRecord(spec) || typeof spec['name'] !== 'string') return [];
    const inputSchema = spec['inputSchema'];
    return [{ name: spec['name'], schema: isRecord(inputSchema) ? inputSchema['json'] : undefined }];
  });
  const choice = toolConfig['toolChoice'];
  let forced: string | undefined;
  if (isRecord(choice) && isRecord(choice['any'])) forced = '';
  else if (isRecord(choice) && isRecord(choice['tool']) && typeof choice['tool']['name'] === 'string') forced = choice['tool']['name'];
  return pick(declared, forced, scenarioName);
}
