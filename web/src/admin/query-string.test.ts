import { describe, expect, it } from 'vitest';
import { apiPath, withFilters, withParams } from './query-string';

describe('the query-string helpers', () => {
  it('set, replace and remove parameters, keeping the others', () => {
    expect(withParams('?q=ana&sort=email', { q: 'bea' })).toBe('?q=bea&sort=email');
    expect(withParams('?q=ana&sort=email', { q: '' })).toBe('?sort=email');
    expect(withParams('?q=ana', { q: null })).toBe('');
    expect(withParams('', { q: 'a b&c' })).toBe('?q=a+b%26c');
  });

  it('start a new filter on its first page', () => {
    expect(withFilters('?q=ana&cursor=abc', { q: 'bea' })).toBe('?q=bea');
    expect(withFilters('?cursor=abc&event=signup', { from: '2025-01-02' })).toBe('?event=signup&from=2025-01-02');
  });

  it('build an API path without empty parameters', () => {
    expect(apiPath('/admin/users', { q: '', sort: null, cursor: undefined })).toBe('/admin/users');
    expect(apiPath('/admin/audit', { event: 'user.disable', limit: 50 })).toBe('/admin/audit?event=user.disable&limit=50');
  });
});
