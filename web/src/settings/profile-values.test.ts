import { describe, expect, it } from 'vitest';
import type { Profile } from '../api/types';
import { profileChanges, profileValues } from './profile-values';

const stored: Profile = {
  id: 'u1',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'student',
  createdAt: '2025-01-01T00:00:00.000Z',
  institution: null,
  course: 'Physics',
  year: 2,
  graduationYear: null,
  preferredTheme: 'idle',
  fileNamePattern: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('the profile form', () => {
  it('starts from the stored profile and sends it back unchanged', () => {
    const values = profileValues(stored);
    expect(values).toMatchObject({ institution: '', course: 'Physics', year: '2', graduationYear: '', preferredTheme: 'idle' });
    expect(profileChanges(values)).toEqual({
      changes: { name: 'Ana', institution: null, course: 'Physics', year: 2, graduationYear: null, preferredTheme: 'idle', fileNamePattern: null },
    });
  });

  it('trims text, clears emptied fields with null and reads the years as numbers', () => {
    const values = { ...profileValues(stored), name: '  Ana Lima ', course: '   ', year: ' 3 ', graduationYear: '2028', preferredTheme: '' as const };
    expect(profileChanges(values)).toEqual({
      changes: { name: 'Ana Lima', institution: null, course: null, year: 3, graduationYear: 2028, preferredTheme: null, fileNamePattern: null },
    });
  });

  it('names each field it cannot send', () => {
    const result = profileChanges({ ...profileValues(stored), name: ' ', year: '11', graduationYear: 'next year' });
    expect(result).toEqual({
      errors: {
        name: 'Enter your name.',
        year: 'Enter your year of study as a number from 1 to 10, or leave it empty.',
        graduationYear: 'Enter a year like 2028, or leave it empty.',
      },
    });
    expect(profileChanges({ ...profileValues(stored), year: '2.5' })).toHaveProperty('errors.year');
  });
});
