import type { TFunction } from 'i18next';
import { PROFILE_ROLES, type ProfileRole } from '../../../../shared/review/model';

/** A labelled choice of profile role (reporter, editor, desk), in the user's language. */
export function RoleSelect({ label, value, onChange, t }: { label: string; value: ProfileRole; onChange(role: ProfileRole): void; t: TFunction }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as ProfileRole)}>
        {PROFILE_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`review.profile.roles.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
