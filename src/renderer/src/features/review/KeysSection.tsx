import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../../shared/api';
import { PROFILE_ROLES, type ProfileRole } from '../../../../shared/review/model';
import { groupFingerprint, type KnownKey } from '../../../../shared/review/trust';
import { ActionError, useReviewAction } from './review-action';
import { RoleSelect } from './RoleSelect';
import { when } from './shared';

/**
 * The signing keys this machine knows: its own (to read out to colleagues), the
 * keys the user trusts, and keys seen in packages but not trusted. Trusting asks
 * for the owner's name and role; only the user ever sets trust.
 */
export function KeysSection({ client, notify, t }: { client: ApiClient; notify(message: string): void; t: TFunction }) {
  const [keys, setKeys] = useState<{ own: KnownKey | null; keys: KnownKey[] } | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    void client.listKeys({}).then((k) => live && setKeys(k));
    return () => {
      live = false;
    };
  }, [client, version]);
  if (!keys) return null;
  const trusted = keys.keys.filter((k) => k.kind === 'trusted');
  const seen = keys.keys.filter((k) => k.kind === 'seen');
  return (
    <section className="review-section review-keys" aria-labelledby="review-keys-title">
      <h3 id="review-keys-title">{t('review.trust.title')}</h3>
      <p className="review-hint">{t('review.trust.intro')}</p>
      {keys.own && (
        <>
          <h4>{t('review.trust.own')}</h4>
          <p>
            <code className="review-fingerprint">{groupFingerprint(keys.own.fingerprint)}</code>
          </p>
          <p className="review-hint">{t('review.trust.ownHint')}</p>
        </>
      )}
      <h4>{t('review.trust.trusted')}</h4>
      <KeyList keys={trusted} client={client} notify={notify} reload={reload} t={t} />
      <h4>{t('review.trust.seen')}</h4>
      <KeyList keys={seen} client={client} notify={notify} reload={reload} t={t} />
      <h4>{t('review.trust.addByFingerprint')}</h4>
      <TrustForm client={client} notify={notify} reload={reload} t={t} />
    </section>
  );
}

interface KeyActions {
  client: ApiClient;
  notify(message: string): void;
  reload(): void;
  t: TFunction;
}

function KeyList({ keys, ...actions }: KeyActions & { keys: KnownKey[] }) {
  const { t } = actions;
  if (!keys.length) return <p className="review-hint">{t('review.trust.none')}</p>;
  return (
    <ul className="review-key-list">
      {keys.map((k) => (
        <KeyItem key={k.fingerprint} known={k} {...actions} />
      ))}
    </ul>
  );
}

function KeyItem({ known, client, notify, reload, t }: KeyActions & { known: KnownKey }) {
  const [trusting, setTrusting] = useState(false);
  const { error, run } = useReviewAction(t);
  const role = (r: string | null) => (r && (PROFILE_ROLES as readonly string[]).includes(r) ? t(`review.profile.roles.${r}`) : r ?? '?');
  const untrust = () =>
    run(async () => {
      await client.untrustKey({ fingerprint: known.fingerprint });
      notify(t('review.trust.untrustedDone', { name: known.name }));
      reload();
    });
  return (
    <li>
      <code className="review-fingerprint">{groupFingerprint(known.fingerprint)}</code>{' '}
      {known.kind === 'trusted' && <strong>{`${known.name} (${role(known.role)})`}</strong>}
      {known.claimedName && <span className="review-hint"> · {t('review.trust.claims', { name: known.claimedName, role: role(known.claimedRole) })}</span>}
      {known.lastSeenAt && <span className="review-hint"> · {t('review.trust.lastSeen', { when: when(known.lastSeenAt) })}</span>}{' '}
      {known.kind === 'trusted' ? (
        <button type="button" onClick={() => void untrust()}>
          {t('review.trust.untrust')}
        </button>
      ) : (
        !trusting && (
          <button type="button" onClick={() => setTrusting(true)}>
            {t('review.trust.trust')}
          </button>
        )
      )}
      {trusting && (
        <TrustForm
          fingerprint={known.fingerprint}
          name={known.claimedName ?? ''}
          role={(PROFILE_ROLES as readonly string[]).includes(known.claimedRole ?? '') ? (known.claimedRole as ProfileRole) : 'reporter'}
          onCancel={() => setTrusting(false)}
          client={client}
          notify={notify}
          reload={reload}
          t={t}
        />
      )}
      <ActionError error={error} />
    </li>
  );
}

/** Name and role for a key; the fingerprint is typed when the key has not been seen yet. */
function TrustForm(props: KeyActions & { fingerprint?: string; name?: string; role?: ProfileRole; onCancel?(): void }) {
  const { client, notify, reload, t } = props;
  const [fingerprint, setFingerprint] = useState(props.fingerprint ?? '');
  const [name, setName] = useState(props.name ?? '');
  const [role, setRole] = useState<ProfileRole>(props.role ?? 'reporter');
  const { error, run } = useReviewAction(t);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const key = await client.trustKey({ fingerprint, name, role });
      notify(t('review.trust.trustedDone', { name: key.name }));
      if (!props.fingerprint) setFingerprint('');
      reload();
    });
  };
  return (
    <form className="review-trust-form" onSubmit={submit} aria-label={props.fingerprint ? t('review.trust.trustAs', { fingerprint: groupFingerprint(props.fingerprint) }) : t('review.trust.addByFingerprint')}>
      {!props.fingerprint && (
        <label>
          {t('review.trust.fingerprint')}
          <input type="text" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} required spellCheck={false} size={50} />
        </label>
      )}
      <label>
        {t('review.trust.name')}
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </label>
      <RoleSelect label={t('review.trust.role')} value={role} onChange={setRole} t={t} />
      <button type="submit" className="primary">
        {t('review.trust.confirm')}
      </button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          {t('review.trust.cancel')}
        </button>
      )}
      <ActionError error={error} />
    </form>
  );
}
