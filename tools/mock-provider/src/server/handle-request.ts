import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WireFormat } from '../formats/wire-format.js';
import { MockRequestError, type ErrorSpec } from '../reply/mock-request-error.js';
import type { Reply } from '../reply/reply-types.js';
import { sendReply, type ReplyTiming } from '../reply/send-reply.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import { emptyScenario, type Scenario } from '../scenario/scenario.js';
import { faultErrorSpec, withMidstreamFault } from './apply-fault.js';
import { handleControl } from './handle-control.js';
import { readBody, type ReadBody } from './read-body.js';
import type { MockServerState } from './mock-server-state.js';
import { splitTarget, type RequestTarget } from './request-target.js';
import { formatForPath, matchRoute, type RouteMatch } from './route-table.js';

/** One request: strip the scenario prefix, record, check access, apply the fault, answer. */
export function handleRequest(state: MockServerState, req: IncomingMessage, res: ServerResponse): void {
  req.on('error', ignore);
  res.on('error', ignore);
  const target = splitTarget(req.url ?? '/');
  if (target.path.startsWith('/__mock/')) {
    req.resume();
    handleControl(state, req.method ?? 'GET', target.path, res);
    return;
  }
  readBody(req, state.maxBodyBytes, (body) => {
    try {
      routeRequest(state, req, res, target, body);
    } catch (error) {
      // Last line of defence: a bug must cost one request, never the process.
      if (res.headersSent) res.destroy();
      else sendReply(res, formatForPath(target.path).errorReply(specOf(error), false));
    }
  });
}

/** Bodies above this are recorded cut short (and without `json`) so the ring cannot hold gigabytes. */
const maxRecordedBodyLength = 1024 * 1024;

function routeRequest(state: MockServerState, req: IncomingMessage, res: ServerResponse, target: RequestTarget, body: ReadBody): void {
  const { text, tooLarge } = body;
  const json = parseJson(text);
  let scenario = emptyScenario;
  let scenarioError: unknown;
  try {
    scenario = parseScenario(target.prefix, req.headers);
  } catch (error) {
    scenarioError = error;
  }
  const method = req.method ?? 'GET';
  const recordWhole = text.length <= maxRecordedBodyLength;
  state.recorder.record({
    method,
    path: target.path,
    url: req.url ?? '/',
    query: target.query,
    headers: req.headers,
    body: recordWhole ? text : text.slice(0, maxRecordedBodyLength),
    json: recordWhole ? json.value : undefined,
    scenario: scenario.key,
  });
  const match = matchRoute(method, target.path);
  const format = match?.route.format ?? formatForPath(target.path);
  const stream = match?.route.isStream(match.params, json.value) ?? false;
  const fail = (spec: ErrorSpec): void => sendReply(res, format.errorReply(spec, stream));
  if (scenarioError !== undefined) return fail(specOf(scenarioError));
  if (match === undefined) return fail({ kind: 'not_found', message: `The mock provider has no route for ${method} ${target.path}.` });
  if (tooLarge) return fail({ kind: 'payload_too_large' });
  const accessError = match.route.checkAccess?.(req.headers, target.query);
  if (accessError !== undefined) return fail(accessError);
  if (text !== '' && !json.ok) return fail({ kind: 'bad_request', message: 'The request body is not valid JSON.' });
  answer(state, { req, res, match, target, json: json.value, scenario, format, stream });
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  match: RouteMatch;
  target: RequestTarget;
  json: unknown;
  scenario: Scenario;
  format: WireFormat;
  stream: boolean;
}

function answer(state: MockServerState, exchange: Exchange): void {
  const { req, res, match, scenario, format, stream } = exchange;
  const timing: ReplyTiming = { firstTokenMs: scenario.firstTokenMs ?? 0, chunkMs: scenario.chunkMs ?? 0 };
  const fault = state.faults.activeFault(scenario);
  // A hung request keeps its socket until the client gives up or the mock closes.
  if (fault === 'hang') return;
  if (fault === 'reset') {
    req.socket.resetAndDestroy();
    return;
  }
  const faultSpec = fault === undefined ? undefined : faultErrorSpec(fault, scenario);
  if (faultSpec !== undefined) return sendReply(res, format.errorReply(faultSpec, stream), timing);
  let reply: Reply;
  try {
    reply = match.route.handle({
      params: match.params,
      query: exchange.target.query,
      headers: req.headers,
      json: exchange.json,
      scenario,
      fixtures: state.fixtures,
    });
  } catch (error) {
    return sendReply(res, format.errorReply(specOf(error), stream));
  }
  sendReply(res, fault === 'midstream' ? withMidstreamFault(reply, format) : reply, timing);
}

function specOf(error: unknown): ErrorSpec {
  if (error instanceof MockRequestError) return error.spec;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'server_error', message: `The mock provider failed: ${message}` };
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}

function ignore(): void {}
