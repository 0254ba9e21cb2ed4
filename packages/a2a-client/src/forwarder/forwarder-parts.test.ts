import { describe, expect, it } from 'vitest';
import { inspectJsonRpcResponse } from './call-report.js';
import { parseForwardPath } from './forward-path.js';
import { readJsonRpcCall } from './json-rpc-wire.js';

describe('parseForwardPath', () => {
  it('finds the agent and the route below the mount path', () => {
    expect(parseForwardPath('/a2a/echo/', '/a2a')).toEqual({ agent: 'echo', route: 'json-rpc' });
    expect(parseForwardPath('/a2a/echo?x=1', '/a2a/')).toEqual({ agent: 'echo', route: 'json-rpc' });
    expect(parseForwardPath('/a2a/my%20agent/.well-known/agent-card.json', '/a2a')).toEqual({ agent: 'my agent', route: 'agent-card' });
    expect(parseForwardPath('/a2a/echo/.well-known/agent.json', '/a2a')).toEqual({ agent: 'echo', route: 'agent-card' });
    expect(parseForwardPath('/a2a/echo/message/send', '/a2a')).toEqual({ agent: 'echo', route: 'unknown' });
    for (const outside of ['/a2a/', '/a2a', '/v1/chat/completions', '/a2ax/echo/', '/a2a/%E0%A4%A/']) {
      expect(parseForwardPath(outside, '/a2a')).toBeUndefined();
    }
  });
});

describe('readJsonRpcCall', () => {
  it('knows the forwarded methods of both versions and which stream', () => {
    const call = (method: string) => readJsonRpcCall({ jsonrpc: '2.0', id: 1, method, params: {} });
    expect(call('SendStreamingMessage')).toEqual({ id: 1, method: 'SendStreamingMessage', stream: true });
    expect(call('message/stream')).toEqual({ id: 1, method: 'message/stream', stream: true });
    expect(call('tasks/cancel')).toEqual({ id: 1, method: 'tasks/cancel', stream: false });
    expect(call('ListTasks')).toMatchObject({ code: -32004, status: 200 });
    expect(call('nope')).toMatchObject({ code: -32601, message: 'Method not found: nope' });
  });

  it('refuses what is not a JSON-RPC 2.0 request', () => {
    expect(readJsonRpcCall([])).toMatchObject({ id: null, code: -32600, status: 400 });
    expect(readJsonRpcCall({ jsonrpc: '1.0', id: 'a', method: 'GetTask' })).toMatchObject({ id: 'a', code: -32600 });
    expect(readJsonRpcCall({ jsonrpc: '2.0', id: {}, method: 'GetTask' })).toMatchObject({ id: null, code: -32600 });
  });
});

describe('inspectJsonRpcResponse', () => {
  it('reads the task of 1.0 and 0.3 answers and stream events, and error codes', () => {
    expect(inspectJsonRpcResponse({ result: { task: { id: 't1', status: { state: 'TASK_STATE_WORKING' } } } })).toEqual({ taskId: 't1', taskState: 'TASK_STATE_WORKING' });
    expect(inspectJsonRpcResponse({ result: { statusUpdate: { taskId: 't1', status: { state: 'TASK_STATE_COMPLETED' } } } })).toEqual({ taskId: 't1', taskState: 'TASK_STATE_COMPLETED' });
    expect(inspectJsonRpcResponse({ result: { id: 't2', contextId: 'c', status: { state: 'TASK_STATE_CANCELED' } } })).toEqual({ taskId: 't2', taskState: 'TASK_STATE_CANCELED' });
    expect(inspectJsonRpcResponse({ result: { kind: 'status-update', taskId: 't3', status: { state: 'completed' }, final: true } })).toEqual({ taskId: 't3', taskState: 'completed' });
    expect(inspectJsonRpcResponse({ result: { kind: 'task', id: 't4', status: { state: 'working' } } })).toEqual({ taskId: 't4', taskState: 'working' });
    expect(inspectJsonRpcResponse({ result: { message: { messageId: 'm', role: 'ROLE_AGENT' } } })).toEqual({});
    expect(inspectJsonRpcResponse({ error: { code: -32001, message: 'Task not found' } })).toEqual({ errorCode: -32001 });
    expect(inspectJsonRpcResponse('not an object')).toEqual({});
  });
});
