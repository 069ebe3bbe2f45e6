import type { Profile, Theme } from '../api/types';

/** The profile form's fields as typed (text inputs hold strings; empty means "not set"). */
export interface ProfileValues {
  name: string;
  institution: string;
  course: string;
  year: string;
  graduationYear: string;
  preferredTheme: Theme | '';
  fileNamePattern: string;
}

export type ProfileField = keyof ProfileValues;

/** What `PATCH /me` takes: every field, null to clear one. */
export type ProfileChanges = Pick<Profile, ProfileField>;

/** The form's starting values from the stored profile. */
export function profileValues(profile: Profile): ProfileValues {
  return {
    name: profile.name,
    institution: profile.institution ?? '',
    course: profile.course ?? '',
    year: profile.year === null ? '' : String(profile.year),
    graduationYear: profile.graduationYear === null ? '' : String(profile.graduationYear),
    preferredTheme: profile.preferredTheme ?? '',
    fileNamePattern: profile.fileNamePattern ?? '',
  };
}

const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function wholeNumber(value: string, min: number, max: number): number | null | 'invalid' {
  const text = value.trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return 'invalid';
  const number = Number(text);
  return number >= min && number <= max ? number : 'invalid';
}

/** The request body for the form's values, or a sentence per field the server would refuse anyway. */
export function profileChanges(values: ProfileValues): { changes: ProfileChanges } | { errors: Partial<Record<ProfileField, string>> } {
  const errors: Partial<Record<ProfileField, string>> = {};
  if (values.name.trim() === '') errors.name = 'Enter your name.';
  const year = wholeNumber(values.year, 1, 10);
  if (year === 'invalid') errors.year = 'Enter your year of study as a number from 1 to 10, or leave it empty.';
  const graduationYear = wholeNumber(values.graduationYear, 1950, 2100);
  if (graduationYear === 'invalid') errors.graduationYear = 'Enter a year like 2028, or leave it empty.';
  if (year === 'invalid' || graduationYear === 'invalid' || errors.name) return { errors };
  return {
    changes: {
      name: values.name.trim(),
      institution: optional(values.institution),
      course: optional(values.course),
      year,
      graduationYear,
      preferredTheme: values.preferredTheme === '' ? null : values.preferredTheme,
      fileNamePattern: optional(values.fileNamePattern),
    },
  };
}
