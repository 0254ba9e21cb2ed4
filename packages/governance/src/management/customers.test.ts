import { testBackends, uniqueId, type TestBackend } from '@switchyard/store/testing';
import { describe, expect, it } from 'vitest';
import { useManagementSuite } from '../testing/management-fixture.js';
import { customerInfo, deleteCustomers, listCustomers, newCustomer, updateCustomer } from './customers.js';
import { generateKey } from './keys.js';

const backends: TestBackend[] = await testBackends();

describe.each(backends)('customer management on $name', (backend) => {
  const suite = useManagementSuite(backend);

  it('creates, reads, updates, lists and deletes end users with budgets', async (context) => {
    if (!suite.store) return context.skip();
    const id = uniqueId('customer');
    const created = await newCustomer(suite.fx.master, { user_id: id, alias: 'ACME', max_budget: 3, budget_duration: '1d', allowed_model_region: 'eu', default_model: 'gpt-4o' }, suite.fx.deps);
    expect(created).toMatchObject({
      user_id: id,
      alias: 'ACME',
      max_budget: 3,
      allowed_model_region: 'eu',
      default_model: 'gpt-4o',
      blocked: false,
      litellm_budget_table: { max_budget: 3, budget_duration: '1d' },
    });
    expect(await customerInfo(suite.fx.master, { end_user_id: id }, suite.fx.deps)).toEqual(created);
    expect(await updateCustomer(suite.fx.master, { user_id: id, blocked: true, max_budget: null }, suite.fx.deps)).toMatchObject({ blocked: true, max_budget: null });
    expect((await listCustomers(suite.fx.master, {}, suite.fx.deps)).map((customer) => customer.user_id)).toContain(id);
    expect(await deleteCustomers(suite.fx.master, { user_ids: [id] }, suite.fx.deps)).toEqual({ deleted_customers: [id] });
    await expect(customerInfo(suite.fx.master, { end_user_id: id }, suite.fx.deps)).rejects.toMatchObject({ status: 404, param: 'end_user_id' });
    const audit = await suite.store.audit.list({ entityType: 'end_user', entityId: id });
    expect(audit.items.map((entry) => entry.action)).toEqual(['delete', 'update', 'create']);
  });

  it('refuses bad input with 400 and non-admin keys with 403', async (context) => {
    if (!suite.store) return context.skip();
    await expect(newCustomer(suite.fx.master, { alias: 'no id' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'user_id' });
    await expect(newCustomer(suite.fx.master, { user_id: 'c', allowed_model_region: 'mars' }, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'allowed_model_region' });
    await expect(customerInfo(suite.fx.master, {}, suite.fx.deps)).rejects.toMatchObject({ status: 400, param: 'end_user_id' });
    const key = await suite.fx.as((await generateKey(suite.fx.master, {}, suite.fx.deps)).key);
    await expect(newCustomer(key, { user_id: uniqueId('c') }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
    await expect(customerInfo(key, { end_user_id: 'c' }, suite.fx.deps)).rejects.toMatchObject({ status: 403 });
  });
});
