import { openAiPassthrough } from './openai-passthrough.js';
import type { Scenario } from './scenario.js';

/** Scenarios the bench can run, by the name `--scenario` takes. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  [openAiPassthrough.name]: openAiPassthrough,
};

/** Extension points that later issues fill in: name → what the scenario will measure. */
export const plannedScenarios: Readonly<Record<string, string>> = {
  anthropic:
    'OpenAI request in, the gateway translates to the mock\'s /v1/messages (Anthropic) and the answer back; ' +
    'Portkey with x-portkey-provider: anthropic; direct/bare call /v1/messages as-is',
  governance:
    'the OpenAI pass-through with governance on (virtual keys, budgets, rate limits) in the gateway config',
};

export function getScenario(name: string): Scenario {
  const scenario = scenarios[name];
  if (scenario) return scenario;
  const planned = plannedScenarios[name];
  if (planned) throw new Error(`scenario "${name}" is planned but not implemented yet: ${planned}`);
  throw new Error(`unknown scenario "${name}" (known: ${Object.keys(scenarios).join(', ')})`);
}
