import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { THEMES, type Profile, type Theme } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { formErrors } from '../field-errors';
import { useSession } from '../session';
import { themeName } from '../workspace/task-form';
import { profileChanges, profileValues, type ProfileField, type ProfileValues } from './profile-values';

const LABELS: Record<ProfileField, string> = {
  name: 'Name',
  institution: 'Institution',
  course: 'Course',
  year: 'Year of study',
  graduationYear: 'Graduation year',
  preferredTheme: 'Screenshot style',
  fileNamePattern: 'Report file name',
};

/** Name and the details reports use (institution, course, years, screenshot style, file name pattern). */
export function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: (profile: Profile) => void }) {
  const { updateUser } = useSession();
  const announce = useAnnounce();
  const [values, setValues] = useState<ProfileValues>(() => profileValues(profile));
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = (field: ProfileField) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((old) => ({ ...old, [field]: event.target.value }));
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const result = profileChanges(values);
    if ('errors' in result) {
      setErrors(result.errors);
      document.getElementById(`profile-${Object.keys(result.errors)[0]}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const next = await api.patch<Profile>('/me', result.changes);
      updateUser({ id: next.id, email: next.email, name: next.name, role: next.role });
      setValues(profileValues(next));
      onSaved(next);
      setSaved(true);
      announce('Your profile was saved.');
    } catch (failure) {
      const problem = formErrors(failure, LABELS);
      setErrors(problem.fields);
      setError(problem.notice);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      {error ? <ErrorNotice message={error} /> : null}
      <TextField id="profile-name" label={LABELS.name} name="name" autoComplete="name" required maxLength={100} value={values.name} onChange={set('name')} error={errors.name} />
      <p className="muted">
        Email: <strong>{profile.email}</strong>
      </p>
      <div className="grid-2">
        <TextField
          id="profile-institution"
          label={LABELS.institution}
          autoComplete="organization"
          maxLength={200}
          value={values.institution}
          onChange={set('institution')}
          error={errors.institution}
        />
        <TextField id="profile-course" label={LABELS.course} maxLength={200} value={values.course} onChange={set('course')} error={errors.course} />
      </div>
      <div className="grid-2">
        <TextField
          id="profile-year"
          label={LABELS.year}
          inputMode="numeric"
          hint="1 to 10"
          value={values.year}
          onChange={set('year')}
          error={errors.year}
        />
        <TextField
          id="profile-graduationYear"
          label={LABELS.graduationYear}
          inputMode="numeric"
          hint="For example 2028"
          value={values.graduationYear}
          onChange={set('graduationYear')}
          error={errors.graduationYear}
        />
      </div>
      <div className="field">
        <label htmlFor="profile-preferredTheme">{LABELS.preferredTheme}</label>
        <span id="profile-preferredTheme-hint" className="hint">
          How new screenshots of code and output look; a task can still choose its own.
        </span>
        <select
          id="profile-preferredTheme"
          aria-describedby="profile-preferredTheme-hint"
          value={values.preferredTheme}
          onChange={(event) => {
            setSaved(false);
            setValues((old) => ({ ...old, preferredTheme: event.target.value as Theme | '' }));
          }}
        >
          <option value="">{themeName(null)}</option>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {themeName(theme)}
            </option>
          ))}
        </select>
        {errors.preferredTheme ? <span className="field-error">{errors.preferredTheme}</span> : null}
      </div>
      <TextField
        id="profile-fileNamePattern"
        label={LABELS.fileNamePattern}
        hint="Letters, digits, spaces and . - _ ( ) with any of {name}, {course}, {institution}, {assignment}, {date}, {year}. For example {name}_{assignment}"
        maxLength={120}
        value={values.fileNamePattern}
        onChange={set('fileNamePattern')}
        error={errors.fileNamePattern}
      />
      <div className="row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {busy ? 'Saving…' : 'Save profile'}
        </button>
        {saved ? <span className="badge ok">Saved</span> : null}
      </div>
    </form>
  );
}
