import { describe, expect, it } from 'vitest';
import { hostAllowed, loopbackHostnames } from './host-validation.js';

describe('hostAllowed', () => {
  it('accepts loopback hosts with or without a port', () => {
    expect(hostAllowed({ host: '127.0.0.1:4000' }, loopbackHostnames)).toBe(true);
    expect(hostAllowed({ host: 'localhost' }, loopbackHostnames)).toBe(true);
    expect(hostAllowed({ host: '[::1]:4000', origin: 'http://localhost:3000' }, loopbackHostnames)).toBe(true);
  });

  it('refuses a rebound host or a foreign origin', () => {
    expect(hostAllowed({ host: 'evil.example.com' }, loopbackHostnames)).toBe(false);
    expect(hostAllowed({ host: '127.0.0.1:4000', origin: 'http://evil.example.com' }, loopbackHostnames)).toBe(false);
    expect(hostAllowed({ host: '127.0.0.1', origin: 'null' }, loopbackHostnames)).toBe(false);
    expect(hostAllowed({}, loopbackHostnames)).toBe(false);
  });
});
