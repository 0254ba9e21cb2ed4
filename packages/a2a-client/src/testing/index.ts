export { startEchoAgent, type EchoAgent, type EchoAgentOptions, type RecordedAgentRequest } from './echo-agent.js';
export { createEchoExecutor, type EchoExecutorOptions } from './echo-executor.js';
