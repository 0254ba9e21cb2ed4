import { describe, it } from 'vitest';
import type { ChatConformanceCase, ProviderConformanceOptions } from './conformance-types.js';
import { genericChecks } from './generic-checks.js';
import { isStreamCase, runChatCase, runEmbeddingCase } from './run-cases.js';
import { useRecordedServer } from './use-recorded-server.js';

function succeeds(testCase: ChatConformanceCase): boolean {
  return !testCase.expect.errorKind && !testCase.expect.streamErrorKind;
}

function findCase(options: ProviderConformanceOptions, name: string, role: string): ChatConformanceCase {
  const found = options.chatCases.find((testCase) => testCase.name === name);
  if (!found) throw new Error(`${options.name}: ${role} "${name}" is not one of the chat cases`);
  return found;
}

function pickBaseline(options: ProviderConformanceOptions): ChatConformanceCase {
  if (options.baselineCase) return findCase(options, options.baselineCase, 'baselineCase');
  const found = options.chatCases.find(succeeds);
  if (!found) throw new Error(`${options.name}: the generic checks need a chat case that succeeds`);
  return found;
}

function pickUsageCase(options: ProviderConformanceOptions): ChatConformanceCase | undefined {
  if (options.usageStreamCase) return findCase(options, options.usageStreamCase, 'usageStreamCase');
  return options.chatCases.find((testCase) => succeeds(testCase) && isStreamCase(testCase) && testCase.expect.usage);
}

/**
 * Registers a vitest suite that runs every recorded case against the provider, then the checks every provider
 * must pass (abort, timeout, unreachable upstream, malformed body, mid-stream failures, usage placement).
 */
export function runProviderConformance(options: ProviderConformanceOptions): void {
  const baseline = pickBaseline(options);
  const usageCase = pickUsageCase(options);
  const streamBaseline = usageCase ?? options.chatCases.find((testCase) => succeeds(testCase) && isStreamCase(testCase));
  describe(options.name, () => {
    const current = useRecordedServer();
    for (const testCase of options.chatCases) {
      it(`chat: ${testCase.name}`, () => runChatCase(current(), options, testCase));
    }
    for (const testCase of options.embeddingCases ?? []) {
      it(`embedding: ${testCase.name}`, () => runEmbeddingCase(current(), options, testCase));
    }
    for (const check of genericChecks({ server: current, options, baseline, streamBaseline, usageCase })) {
      it(`generic: ${check.name}`, check.run);
    }
  });
}
