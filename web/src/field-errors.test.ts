import { describe, expect, it } from 'vitest';
import { ApiError } from './api/problem';
import { fieldSentences } from './field-errors';

describe('fieldSentences', () => {
  it('puts each field’s message after its label as a sentence', () => {
    const error = new ApiError('newPassword: must be at least 8 characters', 422, 'validation', [
      { field: 'newPassword', message: 'must be at least 8 characters' },
      { field: 'currentPassword', message: 'is not your current password.' },
    ]);
    expect(fieldSentences(error, { currentPassword: 'Current password', newPassword: 'New password' })).toEqual({
      currentPassword: 'Current password is not your current password.',
      newPassword: 'New password must be at least 8 characters.',
    });
  });

  it('leaves out fields the form does not have and errors that are not problems', () => {
    const error = new ApiError('x', 422, 'validation', [{ field: 'role', message: 'is not allowed' }, { field: 'toString', message: 'no' }]);
    expect(fieldSentences(error, { name: 'Name' })).toEqual({});
    expect(fieldSentences(new Error('boom'), { name: 'Name' })).toEqual({});
  });
});
