import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CopyButton } from '../../admin/copy-button';
import { INVITE_FIELD_LABELS, inviteLink, validateInvite, type InviteFormValues } from '../../admin/invite-values';
import { ListTable } from '../../admin/list-table';
import { apiPath } from '../../admin/query-string';
import type { Invite } from '../../admin/types';
import { useApiGet } from '../../admin/use-api-get';
import { useCursorPaging } from '../../admin/use-cursor-paging';
import { api } from '../../api';
import type { Page } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ConfirmActionDialog } from '../../components/confirm-action-dialog';
import { TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { usePageTitle } from '../../components/page-title';
import { useConfirmAction } from '../../components/use-confirm-action';
import { useFormFields } from '../../components/use-form-fields';
import { formatDate } from '../../format';

const STATUS = { open: ['Open', 'ok'], 'used-up': ['Used up', ''], expired: ['Expired', 'warn'], revoked: ['Revoked', 'bad'] } as const;
const EMPTY: InviteFormValues = { maxUses: '1', expiresInDays: '', note: '' };

/** Sign-up invites: create one (its code and link shown to copy), list them, revoke an open one. */
export function AdminInvitesPage() {
  usePageTitle('Invites');
  const announce = useAnnounce();
  const paging = useCursorPaging();
  const invites = useApiGet<Page<Invite>>(apiPath('/admin/invites', { cursor: paging.cursor }));
  const { values, setValues, bind, showErrors, showProblem } = useFormFields<InviteFormValues>('invite', EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Invite | null>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const revocation = useConfirmAction(async (invite: Invite) => {
    await api.delete(`/admin/invites/${invite.id}`);
    announce(`Revoked the invite ${invite.code}.`);
    if (created?.id === invite.id) setCreated(null);
    invites.reload();
  });

  // A new invite's code is what the admin came for: take focus there so it is read out and ready to copy.
  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const checked = validateInvite(values);
    if (showErrors(checked.errors ?? {}) || !checked.body) return;
    setBusy(true);
    try {
      const invite = await api.post<Invite>('/admin/invites', checked.body);
      setCreated(invite);
      setValues(EMPTY);
      announce('Invite created.');
      if (paging.first) paging.first();
      else invites.reload();
    } catch (failure) {
      setError(showProblem(failure, INVITE_FIELD_LABELS));
    } finally {
      setBusy(false);
    }
  }

  const link = created ? inviteLink(window.location.origin, created.code) : '';
  return (
    <>
      <h1>Invites</h1>
      <div className="admin-grid">
        <form className="card" onSubmit={(event) => void onCreate(event)} noValidate aria-labelledby="invite-create-heading">
          <h2 id="invite-create-heading">Create an invite</h2>
          <p className="muted">Anyone with the code can sign up while it is open, even when sign-up is invite-only.</p>
          {error ? <ErrorNotice message={error} /> : null}
          <div className="grid-2">
            <TextField type="text" inputMode="numeric" label={INVITE_FIELD_LABELS.maxUses} hint="1 to 10,000" autoComplete="off" {...bind('maxUses')} />
            <TextField type="text" inputMode="numeric" label={INVITE_FIELD_LABELS.expiresInDays} hint="1 to 365; empty: never" autoComplete="off" {...bind('expiresInDays')} />
          </div>
          <TextField type="text" label="Note (optional)" hint="Who it is for, e.g. “Lab group B”. Up to 200 characters." autoComplete="off" {...bind('note')} />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            Create invite
          </button>
        </form>
        {created ? (
          <section className="card created" aria-labelledby="invite-created-heading">
            <h2 id="invite-created-heading" ref={createdHeading} tabIndex={-1}>
              New invite
            </h2>
            <p>Give this code, or the sign-up link that fills it in, to the people it is for.</p>
            <p className="copy-row">
              <span className="secret code-big">{created.code}</span>
              <CopyButton text={created.code} label="Copy code" />
            </p>
            <p className="copy-row">
              <span className="secret">{link}</span>
              <CopyButton text={link} label="Copy link" />
            </p>
            <p className="muted">
              {created.maxUses === 1 ? 'One sign-up' : `${created.maxUses.toLocaleString()} sign-ups`}
              {created.expiresAt ? `, until ${formatDate(created.expiresAt)}` : ', no expiry'}
              {created.note ? ` · ${created.note}` : ''}
            </p>
          </section>
        ) : null}
      </div>

      <h2 id="invites-heading" className="below">
        All invites
      </h2>
      <ListTable
        list={invites}
        noun="invites"
        empty="No invites yet."
        caption="All invites"
        hideCaption
        columns={['Code', 'Note', 'Used', 'Expires', 'Status', 'Created']}
        actions
        pages={{ paging, label: 'Pages of invites' }}
        row={(invite) => {
          const [label, tone] = STATUS[invite.status];
          return (
            <tr>
              <th scope="row">
                <code>{invite.code}</code>
              </th>
              <td className="text">{invite.note ?? <span className="muted">—</span>}</td>
              <td className="nowrap">
                {invite.useCount.toLocaleString()} of {invite.maxUses.toLocaleString()}
              </td>
              <td className="nowrap">{invite.expiresAt ? formatDate(invite.expiresAt) : <span className="muted">Never</span>}</td>
              <td>
                <span className={`badge ${tone}`}>{label}</span>
              </td>
              <td className="nowrap">{formatDate(invite.createdAt)}</td>
              <td>
                {invite.status === 'open' ? (
                  <button type="button" className="button small danger" aria-label={`Revoke ${invite.code}`} onClick={() => revocation.ask(invite)}>
                    Revoke
                  </button>
                ) : null}
              </td>
            </tr>
          );
        }}
      />
      <ConfirmActionDialog action={revocation} title="Revoke this invite?" confirmLabel="Revoke invite" danger>
        <p>Nobody can sign up with {revocation.target?.code} any more. Accounts already made with it stay.</p>
      </ConfirmActionDialog>
    </>
  );
}
