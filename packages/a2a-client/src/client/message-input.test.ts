import { Role } from '@a2a-js/sdk';
import { describe, expect, it } from 'vitest';
import { partsText, textPart, toSendMessageRequest, userMessage } from './message-input.js';

describe('message input', () => {
  it('turns text and text messages into a user message with a fresh id', () => {
    const fromText = toSendMessageRequest('hello');
    const again = toSendMessageRequest('hello');
    expect(fromText.message).toMatchObject({ role: Role.ROLE_USER, contextId: '', taskId: '' });
    expect(partsText(fromText.message!.parts)).toBe('hello');
    expect(fromText.message!.messageId).not.toBe(again.message!.messageId);
    const followUp = toSendMessageRequest({ text: 'more', contextId: 'c1', taskId: 't1', messageId: 'm1' });
    expect(followUp.message).toMatchObject({ contextId: 'c1', taskId: 't1', messageId: 'm1' });
  });

  it('wraps an SDK message and passes a whole request through', () => {
    const message = userMessage('x');
    expect(toSendMessageRequest(message)).toEqual({ tenant: '', message, configuration: undefined, metadata: undefined });
    const request = { tenant: 't', message, configuration: undefined, metadata: { a: 1 } };
    expect(toSendMessageRequest(request)).toBe(request);
  });

  it('reads only the text parts', () => {
    expect(partsText([textPart('a'), { content: { $case: 'url', value: 'http://x/' }, metadata: undefined, filename: '', mediaType: '' }, textPart('b')])).toBe('ab');
  });
});
