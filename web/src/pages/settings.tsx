import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/problem';
import type { Profile } from '../api/types';
import { ErrorNotice, Loading } from '../components/notice';
import { usePageTitle } from '../components/page-title';
import { useCapabilities } from '../session';
import { AiBudgetPanel } from '../settings/ai-budget';
import { DataExportPanel } from '../settings/data-export';
import { DeleteAccount } from '../settings/delete-account';
import { PasswordForm } from '../settings/password-form';
import { ProfileForm } from '../settings/profile-form';
import { SessionsList } from '../settings/sessions-list';

/** The signed-in user's account: profile, password, sessions, AI use, data export and account deletion. */
export function SettingsPage() {
  usePageTitle('Settings');
  const capabilities = useCapabilities();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sessionsKey, setSessionsKey] = useState(0);

  const load = useCallback(async () => {
    setError(null);
    try {
      setProfile(await api.get<Profile>('/me'));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="narrow-wide settings">
      <h1>Settings</h1>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        {error ? <ErrorNotice message={`Your profile could not be loaded. ${error}`} onRetry={() => void load()} /> : null}
        {!profile && !error ? <Loading label="Loading your profile…" /> : null}
        {profile ? <ProfileForm profile={profile} onSaved={setProfile} /> : null}
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        <PasswordForm onChanged={() => setSessionsKey((key) => key + 1)} />
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        <SessionsList reloadKey={sessionsKey} headingId="sessions-title" />
      </section>
      {capabilities?.ai ? (
        <section className="card" aria-labelledby="ai-title">
          <h2 id="ai-title">AI use</h2>
          <AiBudgetPanel />
        </section>
      ) : null}
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">Your data</h2>
        <DataExportPanel />
      </section>
      <section className="card danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete your account</h2>
        <DeleteAccount />
      </section>
    </div>
  );
}
