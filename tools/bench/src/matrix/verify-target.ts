import type { RequestSpec } from '../load/request-spec.js';
import { completeMarkerOf, requestFor, type Scenario, type ScenarioSession, type StreamMode } from '../scenarios/scenario.js';
import type { RunningTarget } from '../targets/target.js';

/** What makes an answer a real completion and not an error page, per mode. */
function problemWith(mode: StreamMode, marker: string, status: number, body: string): string | undefined {
  if (status < 200 || status > 299) return `answered HTTP ${status}: ${body.slice(0, 300)}`;
  if (mode === 'stream') {
    const events = body.match(/^data:/gm)?.length ?? 0;
    return body.includes(marker) ? undefined : `stream ended without ${marker} after ${events} events`;
  }
  return body.includes(marker) ? undefined : `answer has no ${marker}: ${body.slice(0, 300)}`;
}

async function send(origin: string, spec: RequestSpec): Promise<{ status: number; body: string }> {
  const response = await fetch(`${origin}${spec.path}`, {
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Sends one request per mode before any measurement. A target that answers with an error is left out: measuring
 * how fast it returns 404s would say nothing about the pass-through.
 */
export async function verifyTarget(
  target: RunningTarget,
  scenario: Scenario,
  modes: readonly StreamMode[],
  mockOrigin: string,
  session?: ScenarioSession,
): Promise<string | undefined> {
  for (const mode of modes) {
    try {
      const { status, body } = await send(target.origin, requestFor(scenario, target.name, mode, mockOrigin, session));
      const problem = problemWith(mode, completeMarkerOf(scenario, target.name, mode), status, body);
      if (problem !== undefined) return `${mode} check failed: ${problem}`;
    } catch (error) {
      return `${mode} check failed: ${(error as Error).message}`;
    }
  }
  return undefined;
}
