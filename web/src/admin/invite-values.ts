/** An invite form's fields as typed. */
export interface InviteFormValues {
  maxUses: string;
  expiresInDays: string;
  note: string;
}

export type InviteFormErrors = Partial<Record<keyof InviteFormValues, string>>;

/** Each field's label, for the server's sentences about a field. */
export const INVITE_FIELD_LABELS: Record<keyof InviteFormValues, string> = {
  maxUses: 'Sign-ups allowed',
  expiresInDays: 'Expires after (days)',
  note: 'Note',
};

/** The body the API takes for a new invite. */
export interface InviteBody {
  maxUses: number;
  expiresInDays?: number;
  note?: string;
}

const MAX_USES = 10_000;
const MAX_DAYS = 365;
const NOTE_MAX = 200;

function whole(text: string, min: number, max: number): number | string {
  const digits = text.replace(/[\s,_]/g, '');
  if (!/^\d+$/.test(digits)) return 'Enter a whole number.';
  const value = Number(digits);
  if (value < min || value > max) return `Enter a number from ${min} to ${max.toLocaleString()}.`;
  return value;
}

/** The API body for the typed values, or what to fix in each field (the server's bounds). */
export function validateInvite(values: InviteFormValues): { body: InviteBody; errors: null } | { body: null; errors: InviteFormErrors } {
  const errors: InviteFormErrors = {};
  const body: InviteBody = { maxUses: 1 };
  const uses = whole(values.maxUses, 1, MAX_USES);
  if (typeof uses === 'string') errors.maxUses = uses;
  else body.maxUses = uses;
  if (values.expiresInDays.trim() !== '') {
    const days = whole(values.expiresInDays, 1, MAX_DAYS);
    if (typeof days === 'string') errors.expiresInDays = days;
    else body.expiresInDays = days;
  }
  const note = values.note.trim();
  if ([...note].length > NOTE_MAX) errors.note = `Use at most ${NOTE_MAX} characters.`;
  else if (/\p{Cc}/u.test(note)) errors.note = 'Use letters, digits and punctuation only.';
  else if (note !== '') body.note = note;
  return Object.keys(errors).length > 0 ? { body: null, errors } : { body, errors: null };
}

/** The sign-up address that fills in the invite code for the person who opens it. */
export function inviteLink(origin: string, code: string): string {
  return `${origin}/signup?invite=${encodeURIComponent(code)}`;
}
