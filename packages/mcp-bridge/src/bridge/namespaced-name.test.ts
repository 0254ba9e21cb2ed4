import { describe, expect, it } from 'vitest';
import { namespaceName, splitNamespacedName } from './namespaced-name.js';

describe('namespaced names', () => {
  it('splits on the first separator so tool names may contain it', () => {
    expect(splitNamespacedName('everything-get-sum')).toEqual({ server: 'everything', name: 'get-sum' });
    expect(splitNamespacedName(namespaceName('memory', 'read_graph'))).toEqual({ server: 'memory', name: 'read_graph' });
  });

  it('rejects names without a server or a tool', () => {
    expect(splitNamespacedName('echo')).toBeUndefined();
    expect(splitNamespacedName('-echo')).toBeUndefined();
    expect(splitNamespacedName('everything-')).toBeUndefined();
  });
});
