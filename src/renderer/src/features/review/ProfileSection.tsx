import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import type { Profile, ProfileRole } from '../../../../shared/review/model';
import { ActionError, useReviewAction } from './review-action';
import { RoleSelect } from './RoleSelect';

/** First-run profile setup, and later edits of the same profile (its id never changes). */
export function ProfileSection({ client, profile, onSaved, t }: { client: ApiClient; profile: Profile | null; onSaved(p: Profile): void; t: TFunction }) {
  const [displayName, setName] = useState(profile?.displayName ?? '');
  const [initials, setInitials] = useState(profile?.initials ?? '');
  const [role, setRole] = useState<ProfileRole>(profile?.role ?? 'reporter');
  const [color, setColor] = useState(profile?.color ?? '#1a7f5a');
  const { error, run } = useReviewAction(t);
  const [saved, setSaved] = useState(false);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    await run(async () => {
      onSaved(await client.setLocalProfile({ displayName, initials, role, color }));
      setSaved(true);
    });
  };
  return (
    <form className="review-section review-profile" onSubmit={(e) => void save(e)} aria-labelledby="review-profile-title">
      <h3 id="review-profile-title">{t('review.profile.title')}</h3>
      {!profile && <p className="review-hint">{t('review.profile.firstRun')}</p>}
      <label>
        {t('review.profile.name')}
        <input type="text" value={displayName} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </label>
      <label>
        {t('review.profile.initials')}
        <input type="text" value={initials} onChange={(e) => setInitials(e.target.value)} required maxLength={4} size={4} />
      </label>
      <RoleSelect label={t('review.profile.role')} value={role} onChange={setRole} t={t} />
      <label>
        {t('review.profile.color')}
        <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
      <ActionError error={error} />
      {saved && <p role="status">{t('review.profile.saved')}</p>}
      <button type="submit" className="primary">
        {t('review.profile.save')}
      </button>
    </form>
  );
}
