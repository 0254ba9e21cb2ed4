import { SwitchyardError, type ChatCompletionRequest, type FunctionTool } from '@switchyard/core';
import type { GoogleFunctionDeclaration, GoogleTool, GoogleToolConfig } from './google-api.js';
import { cleanGoogleSchema, isEmptyObjectSchema } from './google-schema-cleaner.js';
import type { ReportUnsupported } from './google-unsupported-param.js';

export interface PreparedGoogleTools {
  tools?: GoogleTool[];
  toolConfig?: GoogleToolConfig;
}

function declaration(tool: FunctionTool, index: number): GoogleFunctionDeclaration {
  const { name, description, parameters } = tool.function;
  const result: GoogleFunctionDeclaration = { name };
  if (description) result.description = description;
  if (parameters !== undefined) {
    const cleaned = cleanGoogleSchema(parameters, { param: `tools[${index}].function.parameters` });
    // Gemini rejects an OBJECT schema without properties; a function without arguments has no parameters.
    if (!isEmptyObjectSchema(cleaned)) result.parameters = cleaned;
  }
  return result;
}

function declarations(request: ChatCompletionRequest, report: ReportUnsupported): GoogleFunctionDeclaration[] {
  const result: GoogleFunctionDeclaration[] = [];
  (request.tools ?? []).forEach((tool, index) => {
    if (tool.type === 'function' && 'function' in tool) result.push(declaration(tool as FunctionTool, index));
    else report(`tools[${index}]`, `tools of type "${tool.type}" have no Gemini equivalent`);
  });
  return result;
}

function badChoice(message: string): SwitchyardError {
  return new SwitchyardError('bad_request', message, { param: 'tool_choice' });
}

function functionCallingConfig(request: ChatCompletionRequest, names: string[], report: ReportUnsupported): GoogleToolConfig | undefined {
  const choice = request.tool_choice;
  if (choice === undefined || choice === 'auto') return names.length > 0 ? { functionCallingConfig: { mode: 'AUTO' } } : undefined;
  if (choice === 'none') return names.length > 0 ? { functionCallingConfig: { mode: 'NONE' } } : undefined;
  if (names.length === 0) throw badChoice('tool_choice asks for a tool call, but the request declares no function tools');
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  const name = (choice as { function?: { name?: unknown } }).function?.name;
  if (choice.type !== 'function' || typeof name !== 'string') {
    report('tool_choice', `tool_choice of type "${choice.type}" has no Gemini equivalent`);
    return { functionCallingConfig: { mode: 'AUTO' } };
  }
  if (!names.includes(name)) throw badChoice(`tool_choice names the function "${name}", which is not among the tools`);
  return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [name] } };
}

/**
 * Translates OpenAI function tools into Gemini functionDeclarations (schemas cleaned for Gemini) and tool_choice
 * into functionCallingConfig: auto → AUTO, none → NONE, required → ANY, a named function → ANY limited to it.
 * Gemini always may call functions in parallel, so `parallel_tool_calls: false` cannot be honoured.
 */
export function prepareGoogleTools(request: ChatCompletionRequest, report: ReportUnsupported): PreparedGoogleTools {
  const functions = declarations(request, report);
  if (request.parallel_tool_calls === false && functions.length > 0) {
    report('parallel_tool_calls', 'Gemini cannot be limited to one function call per turn');
  }
  const toolConfig = functionCallingConfig(request, functions.map((entry) => entry.name), report);
  const result: PreparedGoogleTools = {};
  if (functions.length > 0) result.tools = [{ functionDeclarations: functions }];
  if (toolConfig) result.toolConfig = toolConfig;
  return result;
}
