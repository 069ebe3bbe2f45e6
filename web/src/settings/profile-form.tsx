import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { THEMES, type Profile } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/field';
import { ErrorNotice } from '../components/notice';
import { useFormFields } from '../components/use-form-fields';
import { useSession } from '../session';
import { themeName } from '../workspace/task-form';
import { profileChanges, profileValues, type ProfileField } from './profile-values';

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
  const [saved, setSaved] = useState(false);
  const { values, setValues, bind, showErrors, showProblem } = useFormFields('profile', profileValues(profile), () => setSaved(false));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { error: themeError, ...theme } = bind('preferredTheme');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const result = profileChanges(values);
    if ('errors' in result) {
      showErrors(result.errors);
      return;
    }
    showErrors({});
    setBusy(true);
    try {
      const next = await api.patch<Profile>('/me', result.changes);
      updateUser({ id: next.id, email: next.email, name: next.name, role: next.role });
      setValues(profileValues(next));
      onSaved(next);
      setSaved(true);
      announce('Your profile was saved.');
    } catch (failure) {
      setError(showProblem(failure, LABELS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      {error ? <ErrorNotice message={error} /> : null}
      <TextField label={LABELS.name} autoComplete="name" required maxLength={100} {...bind('name')} />
      <p className="muted">
        Email: <strong>{profile.email}</strong>
      </p>
      <div className="grid-2">
        <TextField label={LABELS.institution} autoComplete="organization" maxLength={200} {...bind('institution')} />
        <TextField label={LABELS.course} maxLength={200} {...bind('course')} />
      </div>
      <div className="grid-2">
        <TextField label={LABELS.year} inputMode="numeric" hint="1 to 10" {...bind('year')} />
        <TextField label={LABELS.graduationYear} inputMode="numeric" hint="For example 2028" {...bind('graduationYear')} />
      </div>
      <div className="field">
        <label htmlFor={theme.id}>{LABELS.preferredTheme}</label>
        <span id={`${theme.id}-hint`} className="hint">
          How new screenshots of code and output look; a task can still choose its own.
        </span>
        <select aria-describedby={`${theme.id}-hint`} {...theme}>
          <option value="">{themeName(null)}</option>
          {THEMES.map((value) => (
            <option key={value} value={value}>
              {themeName(value)}
            </option>
          ))}
        </select>
        {themeError ? <span className="field-error">{themeError}</span> : null}
      </div>
      <TextField
        label={LABELS.fileNamePattern}
        hint="Letters, digits, spaces and . - _ ( ) with any of {name}, {course}, {institution}, {assignment}, {date}, {year}. For example {name}_{assignment}"
        maxLength={120}
        {...bind('fileNamePattern')}
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
