import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentCard } from '@a2a-js/sdk';
import { duplicateInterfacesForLegacy } from '@a2a-js/sdk/compat/v0_3';
import { legacyAgentCardRouter } from '@a2a-js/sdk/compat/v0_3/server/express';
import { DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, UserBuilder } from '@a2a-js/sdk/server/express';
import express, { type Express } from 'express';
import { createEchoExecutor, type EchoExecutorOptions } from './echo-executor.js';

export interface RecordedAgentRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON-RPC method, for POSTs. */
  rpcMethod: string | undefined;
}

export interface EchoAgent {
  /** The agent's base URL (`http://127.0.0.1:<port>/`). */
  url: string;
  /** Every request the agent received, in order. */
  requests: RecordedAgentRequest[];
  /** Responses whose connection closed before the agent finished them (a caller that went away). */
  readonly abortedResponses: number;
  close(): Promise<void>;
}

export interface EchoAgentOptions extends EchoExecutorOptions {
  /**
   * `dual`: an A2A 1.0 agent that also serves 0.3 (the SDK's compat layer wired the three documented ways),
   * JSON-RPC at `/rpc`. `v0.3`: an agent that speaks only 0.3: a 0.3 card, the `A2A-Version` header ignored,
   * JSON-RPC at `/` answered by the SDK's compat layer.
   */
  protocol?: 'dual' | 'v0.3';
  /** Headers every request must carry (the agent's credentials); others get a 401. */
  requireHeaders?: Record<string, string>;
}

function baseCard(interfaces: AgentCard['supportedInterfaces']): AgentCard {
  return {
    name: 'echo', description: 'Echoes what it is sent.', version: '1.0.0', provider: undefined, documentationUrl: undefined,
    supportedInterfaces: interfaces,
    capabilities: { streaming: true, pushNotifications: false, extensions: [], extendedAgentCard: false },
    securitySchemes: {}, securityRequirements: [], defaultInputModes: ['text/plain'], defaultOutputModes: ['text/plain'],
    skills: [], signatures: [], iconUrl: undefined,
  };
}

/** A 0.3 agent card as 0.3 agents serve it (A2A 0.3 `AgentCard`). */
function legacyCard(base: string): Record<string, unknown> {
  return {
    name: 'echo', description: 'Echoes what it is sent.', version: '1.0.0', protocolVersion: '0.3.0',
    url: base, preferredTransport: 'JSONRPC', capabilities: { streaming: true, pushNotifications: false },
    defaultInputModes: ['text/plain'], defaultOutputModes: ['text/plain'], skills: [],
  };
}

function record(app: Express, requests: RecordedAgentRequest[], onAborted: () => void): void {
  app.use(express.json());
  app.use((req, res, next) => {
    const rpcMethod = typeof req.body?.method === 'string' ? (req.body.method as string) : undefined;
    requests.push({ method: req.method, path: req.path, headers: { ...req.headers }, rpcMethod });
    res.on('close', () => {
      if (!res.writableFinished) onAborted();
    });
    next();
  });
}

function requireHeaders(app: Express, required: Record<string, string>): void {
  app.use((req, res, next) => {
    const missing = Object.entries(required).some(([name, value]) => req.headers[name.toLowerCase()] !== value);
    if (missing) res.status(401).json({ error: 'unauthorized' });
    else next();
  });
}

function mountDual(app: Express, base: string, options: EchoAgentOptions): void {
  const card = baseCard(duplicateInterfacesForLegacy(
    [{ url: `${base}rpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' }],
    ['JSONRPC'],
  ));
  const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), createEchoExecutor(options));
  app.use('/.well-known/agent-card.json', legacyAgentCardRouter({ agentCardProvider: handler }));
  app.use('/.well-known/agent-card.json', agentCardHandler({ agentCardProvider: handler }));
  app.use('/rpc', jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));
}

function mountLegacyOnly(app: Express, base: string, options: EchoAgentOptions): void {
  const card = baseCard([{ url: base, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' }]);
  const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), createEchoExecutor(options));
  app.get('/.well-known/agent-card.json', (_req, res) => {
    res.json(legacyCard(base));
  });
  app.use('/', (req, _res, next) => {
    delete req.headers['a2a-version'];
    next();
  });
  app.use('/', jsonRpcHandler({ requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));
}

/** Starts a real @a2a-js/sdk agent on 127.0.0.1 that records every request (headers included). */
export async function startEchoAgent(options: EchoAgentOptions = {}): Promise<EchoAgent> {
  const app = express();
  const requests: RecordedAgentRequest[] = [];
  let abortedResponses = 0;
  record(app, requests, () => {
    abortedResponses += 1;
  });
  if (options.requireHeaders) requireHeaders(app, options.requireHeaders);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  if (options.protocol === 'v0.3') mountLegacyOnly(app, base, options);
  else mountDual(app, base, options);
  return {
    url: base,
    requests,
    get abortedResponses() {
      return abortedResponses;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
