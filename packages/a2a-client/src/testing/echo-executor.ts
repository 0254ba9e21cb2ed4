import { randomUUID } from 'node:crypto';
import { Role, TaskState, type Message, type Part } from '@a2a-js/sdk';
import { AgentEvent, type AgentExecutor, type ExecutionEventBus, type RequestContext } from '@a2a-js/sdk/server';

export interface EchoExecutorOptions {
  /** Awaited before artifact chunk `index` is published (lets a test hold the agent between events). */
  beforeChunk?: (index: number) => Promise<void>;
}

function text(value: string): Part {
  return { content: { $case: 'text', value }, metadata: undefined, filename: '', mediaType: 'text/plain' };
}

function agentMessage(contextId: string, value: string): Message {
  return {
    messageId: randomUUID(), contextId, taskId: '', role: Role.ROLE_AGENT, parts: [text(value)],
    metadata: undefined, extensions: [], referenceTaskIds: [],
  };
}

function status(bus: ExecutionEventBus, context: RequestContext, state: TaskState): void {
  bus.publish(AgentEvent.statusUpdate({
    taskId: context.taskId, contextId: context.contextId, metadata: undefined,
    status: { state, message: undefined, timestamp: new Date().toISOString() },
  }));
}

function inputText(context: RequestContext): string {
  return context.userMessage.parts.map((part) => (part.content?.$case === 'text' ? part.content.value : '')).join('');
}

/**
 * The test agent's logic. `msg:<text>` answers with a direct message `echo <text>`. `wait` starts a task that
 * works until it is canceled. Anything else is a task: submitted, working, one artifact chunk per word
 * (`append` after the first, `lastChunk` on the last), completed.
 */
export function createEchoExecutor(options: EchoExecutorOptions = {}): AgentExecutor {
  const waiting = new Map<string, () => void>();
  return {
    async execute(context, bus) {
      const input = inputText(context);
      if (input.startsWith('msg:')) {
        bus.publish(AgentEvent.message(agentMessage(context.contextId, `echo ${input.slice(4)}`)));
        return bus.finished();
      }
      bus.publish(AgentEvent.task({
        id: context.taskId, contextId: context.contextId, artifacts: [], history: [context.userMessage], metadata: undefined,
        status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: new Date().toISOString() },
      }));
      status(bus, context, TaskState.TASK_STATE_WORKING);
      if (input === 'wait') {
        await new Promise<void>((resolve) => waiting.set(context.taskId, resolve));
        return;
      }
      const words = input.split(' ');
      for (const [index, word] of words.entries()) {
        await options.beforeChunk?.(index);
        bus.publish(AgentEvent.artifactUpdate({
          taskId: context.taskId, contextId: context.contextId, append: index > 0, lastChunk: index === words.length - 1,
          artifact: { artifactId: 'echo', name: 'echo', description: '', parts: [text(`${word} `)], metadata: undefined, extensions: [] },
          metadata: undefined,
        }));
      }
      status(bus, context, TaskState.TASK_STATE_COMPLETED);
      bus.finished();
    },
    async cancelTask(taskId, bus) {
      const release = waiting.get(taskId);
      waiting.delete(taskId);
      bus.publish(AgentEvent.statusUpdate({
        taskId, contextId: '', metadata: undefined,
        status: { state: TaskState.TASK_STATE_CANCELED, message: undefined, timestamp: new Date().toISOString() },
      }));
      bus.finished();
      release?.();
    },
  };
}
