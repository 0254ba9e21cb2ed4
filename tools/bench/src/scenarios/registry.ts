import { anthropicTranslation } from './anthropic-translation.js';
import { governancePglite, governancePostgres } from './governance-on.js';
import { openAiPassthrough } from './openai-passthrough.js';
import type { Scenario } from './scenario.js';

/** Scenarios the bench can run, by the name `--scenario` takes, in the order `--scenario all` runs them. */
export const scenarios: Readonly<Record<string, Scenario>> = {
  [openAiPassthrough.name]: openAiPassthrough,
  [anthropicTranslation.name]: anthropicTranslation,
  [governancePglite.name]: governancePglite,
  [governancePostgres.name]: governancePostgres,
};

export function getScenario(name: string): Scenario {
  const scenario = scenarios[name];
  if (scenario) return scenario;
  throw new Error(`unknown scenario "${name}" (known: ${Object.keys(scenarios).join(', ')}, or all)`);
}

/** `--scenario` names: a comma list, or `all`. */
export function scenarioNames(value: string): string[] {
  const names = value === 'all' ? Object.keys(scenarios) : value.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) getScenario(name);
  return names;
}
