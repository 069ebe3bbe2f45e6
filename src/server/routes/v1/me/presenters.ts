import type { ProfileFields } from '../../../../db/repositories/profiles.repository.js';
import type { UserRow } from '../../../../db/schema.js';
import type { ProfileOut } from './schemas.js';

/** The signed-in user's account and profile as one object. */
export function presentProfile(
  user: Pick<UserRow, 'id' | 'email' | 'display_name' | 'role' | 'created_at' | 'updated_at'>,
  profile: ProfileFields & { updated_at: string | null },
): ProfileOut {
  return {
    id: user.id,
    email: user.email,
    name: user.display_name,
    role: user.role,
    createdAt: user.created_at,
    institution: profile.institution,
    course: profile.course,
    year: profile.year,
    graduationYear: profile.graduation_year,
    preferredTheme: profile.preferred_theme,
    fileNamePattern: profile.file_name_pattern,
    updatedAt: profile.updated_at && profile.updated_at > user.updated_at ? profile.updated_at : user.updated_at,
  };
}
