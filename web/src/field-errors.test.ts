import { describe, expect, it } from 'vitest';
import { ApiError } from './api/problem';
import { formErrors } from './field-errors';

describe('formErrors', () => {
  it('puts each field’s message after its label as a sentence, with no notice repeating them', () => {
    const error = new ApiError('newPassword: must be at least 8 characters; currentPassword: is not your current password.', 422, 'validation', [
      { field: 'newPassword', message: 'must be at least 8 characters' },
      { field: 'currentPassword', message: 'is not your current password.' },
    ]);
    expect(formErrors(error, { currentPassword: 'Current password', newPassword: 'New password' })).toEqual({
      fields: { currentPassword: 'Current password is not your current password.', newPassword: 'New password must be at least 8 characters.' },
      notice: null,
    });
  });

  it('keeps the problem’s detail above the form for fields the form does not have', () => {
    const error = new ApiError('name: is required; role: is not allowed', 422, 'validation', [
      { field: 'name', message: 'is required' },
      { field: 'role', message: 'is not allowed' },
    ]);
    expect(formErrors(error, { name: 'Name' })).toEqual({ fields: { name: 'Name is required.' }, notice: 'name: is required; role: is not allowed' });
    expect(formErrors(new ApiError('x', 422, 'validation', [{ field: 'toString', message: 'no' }]), { name: 'Name' }).fields).toEqual({});
  });

  it('shows any other failure as its detail', () => {
    expect(formErrors(new ApiError('Too many requests.', 429, 'rate-limited'), { name: 'Name' })).toEqual({ fields: {}, notice: 'Too many requests.' });
    expect(formErrors(new Error('boom'), { name: 'Name' }).notice).toBe('Something went wrong in the page; reload it and try again.');
  });
});
