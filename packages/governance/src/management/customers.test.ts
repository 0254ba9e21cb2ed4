import type { Store } from '@switchyard/store';
import { testBackends, TEST_MASTER_SECRET, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managementFixture, type ManagementFixture } from '../testing/management-fixture.js';
import { customerInfo, deleteCustomers, listCustomers, newCustomer, updateCustomer } from './customers.js';
import { generateKey } from './keys.js';

const backends: TestBackend[] = await testBackends();

describe.each(backends)('customer management on $name', (backend) => {
  let store: Store | undefined;
  let fx: ManagementFixture;
  beforeAll(async () => {
    if (backend.skipReason !== undefined) return;
    store = await backend.open({ masterSecret: TEST_MASTER_SECRET });
    fx = managementFixture(store);
  });
  afterAll(() => store?.close());

  it('creates, reads, updates, lists and deletes end users with budgets', async (context) => {
    if (!store) return context.skip();
    const id = uniqueId('customer');
    const created = await newCustomer(fx.master, { user_id: id, alias: 'ACME', max_budget: 3, budget_duration: '1d', allowed_model_region: 'eu', default_model: 'gpt-4o' }, fx.deps);
    expect(created).toMatchObject({
      user_id: id,
      alias: 'ACME',
      max_budget: 3,
      allowed_model_region: 'eu',
      default_model: 'gpt-4o',
      blocked: false,
      litellm_budget_table: { max_budget: 3, budget_duration: '1d' },
    });
    expect(await customerInfo(fx.master, { end_user_id: id }, fx.deps)).toEqual(created);
    expect(await updateCustomer(fx.master, { user_id: id, blocked: true, max_budget: null }, fx.deps)).toMatchObject({ blocked: true, max_budget: null });
    expect((await listCustomers(fx.master, {}, fx.deps)).map((customer) => customer.user_id)).toContain(id);
    expect(await deleteCustomers(fx.master, { user_ids: [id] }, fx.deps)).toEqual({ deleted_customers: [id] });
    await expect(customerInfo(fx.master, { end_user_id: id }, fx.deps)).rejects.toMatchObject({ status: 404, param: 'end_user_id' });
    const audit = await store.audit.list({ entityType: 'end_user', entityId: id });
    expect(audit.items.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
  });

  it('refuses bad input with 400 and non-admin keys with 403', async (context) => {
    if (!store) return context.skip();
    await expect(newCustomer(fx.master, { alias: 'no id' }, fx.deps)).rejects.toMatchObject({ status: 400, param: 'user_id' });
    await expect(newCustomer(fx.master, { user_id: 'c', allowed_model_region: 'mars' }, fx.deps)).rejects.toMatchObject({ status: 400, param: 'allowed_model_region' });
    await expect(customerInfo(fx.master, {}, fx.deps)).rejects.toMatchObject({ status: 400, param: 'end_user_id' });
    const key = await fx.as((await generateKey(fx.master, {}, fx.deps)).key);
    await expect(newCustomer(key, { user_id: uniqueId('c') }, fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(customerInfo(key, { end_user_id: 'c' }, fx.deps)).rejects.toMatchObject({ status: 403 });
  });
});
