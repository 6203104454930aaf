import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api';
import type { ArticleMeta, LengthTarget } from '../../../shared/article';
import { isValidSlug, MAX_SLUG_LENGTH } from '../../../shared/slug';
import { DEFAULT_TIME_ZONE, formatClockTime, formatDayMonthYear, parseClockTime, parseDayMonthYear, resolveZonedTime, toIsoWithOffset, type ZonedTime } from '../../../shared/dates';
import { nfc } from '../../../shared/text';
import { StatusControl } from '../features/review/StatusControl';
import type { ArticleSession } from './session';

/** Zones offered for the publish time; the paper works in Vietnam time. */
export const TIME_ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'Europe/London', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'] as const;
const ARTICLE_LANGUAGES = ['vi', 'en'];

/** Parse a comma-separated tag field: trimmed, NFC, no empties or repeats. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[,，;]/)) {
    const tag = nfc(raw).replace(/\s+/g, ' ').trim().slice(0, 100);
    const key = tag.toLocaleLowerCase('vi');
    if (tag && !seen.has(key) && out.length < 50) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** The zone among {@link TIME_ZONES} whose offset at `iso` matches the offset written in it. */
function zoneForIso(iso: string): string {
  const offset = iso.match(/([+-]\d{2}:\d{2}|Z)$/)?.[1];
  const wanted = offset === 'Z' ? '+00:00' : offset;
  return TIME_ZONES.find((z) => toIsoWithOffset(new Date(iso), z).endsWith(wanted ?? '')) ?? DEFAULT_TIME_ZONE;
}

/**
 * The article's metadata beside the editor. Each field saves through the same
 * autosave as the text; invalid input is flagged in place and never sent. The
 * status is not a field: it moves through the workflow ({@link StatusControl}).
 */
export function DetailsPanel({
  client,
  session,
  slugAuto,
  onSlugAutoChange,
  onOpenReview,
  leaving = false,
}: {
  client: ApiClient;
  session: ArticleSession;
  slugAuto: boolean;
  /** The article is being left for another: its fields take no input (its session refuses edits by then). */
  leaving?: boolean;
  onSlugAutoChange(auto: boolean): void;
  /** Show the Review view (where this machine's profile is set). */
  onOpenReview?(): void;
}) {
  const { t } = useTranslation();
  const meta = useSyncExternalStore(session.subscribe, session.getMeta);
  const id = useId();
  return (
    <aside className="details-panel" aria-label={t('details.label')} inert={leaving} aria-busy={leaving || undefined}>
      <h2 className="panel-title">{t('details.title')}</h2>
      <StatusControl key={`status-${meta.id}`} client={client} session={session} onOpenReview={onOpenReview} />
      <SlugField key={`slug-${meta.id}`} session={session} meta={meta} auto={slugAuto} onAutoChange={onSlugAutoChange} />
      <TextField key={`section-${meta.id}`} label={t('details.section')} value={meta.section} max={100} onCommit={(section) => session.updateMeta({ section })} />
      <TagsField key={`tags-${meta.id}`} session={session} meta={meta} />
      <TextField key={`place-${meta.id}`} label={t('details.datelinePlace')} value={meta.datelinePlace} max={100} onCommit={(datelinePlace) => session.updateMeta({ datelinePlace })} />
      <TextField
        key={`agency-${meta.id}`}
        label={t('details.agencyTag')}
        hint={t('details.agencyTagHint')}
        value={meta.agencyTag}
        max={20}
        onCommit={(agencyTag) => session.updateMeta({ agencyTag })}
      />
      {/* Keyed by status too: publishing sets the publish time, and the field must show it. */}
      <PublishField key={`publish-${meta.id}-${meta.status}`} session={session} meta={meta} />
      <Field id={`${id}-language`} label={t('details.language')}>
        <select id={`${id}-language`} value={meta.language} onChange={(e) => session.updateMeta({ language: e.target.value })}>
          {[...new Set([...ARTICLE_LANGUAGES, meta.language])].map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`, { defaultValue: l })}
            </option>
          ))}
        </select>
      </Field>
      <LengthField key={`length-${meta.id}`} session={session} meta={meta} />
    </aside>
  );
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | null; children: React.ReactNode }) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <small id={`${id}-hint`} className="field-hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/** A text field that saves as you type (the session debounces) and keeps NFC. */
function TextField({ label, hint, value, max, onCommit }: { label: string; hint?: string; value: string; max: number; onCommit(value: string): void }) {
  const id = useId();
  const [text, setText] = useState(value);
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        type="text"
        value={text}
        maxLength={max}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onCommit(nfc(e.target.value).trim());
        }}
      />
    </Field>
  );
}

function SlugField({ session, meta, auto, onAutoChange }: { session: ArticleSession; meta: ArticleMeta; auto: boolean; onAutoChange(auto: boolean): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(meta.slug);
  const [error, setError] = useState<string | null>(null);
  // While derived from the headline, follow the session's slug.
  useEffect(() => {
    if (auto) {
      setText(meta.slug);
      setError(null);
    }
  }, [auto, meta.slug]);
  return (
    <Field id={id} label={t('details.slug')} error={error}>
      <input
        id={id}
        type="text"
        className="mono"
        value={text}
        maxLength={MAX_SLUG_LENGTH}
        spellCheck={false}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          onAutoChange(false);
          if (isValidSlug(value)) {
            setError(null);
            session.updateMeta({ slug: value });
          } else setError(t('details.slugInvalid'));
        }}
      />
      <label className="checkbox">
        <input type="checkbox" checked={auto} onChange={(e) => onAutoChange(e.target.checked)} /> {t('details.slugAuto')}
      </label>
    </Field>
  );
}

function TagsField({ session, meta }: { session: ArticleSession; meta: ArticleMeta }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(meta.tags.join(', '));
  return (
    <Field id={id} label={t('details.tags')} hint={t('details.tagsHint')}>
      <input
        id={id}
        type="text"
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          session.updateMeta({ tags: parseTags(e.target.value) });
        }}
        onBlur={() => setText(parseTags(text).join(', '))}
      />
    </Field>
  );
}

/** The stored time as the paper writes it, in `zone`: `10/06/2016` and `16:36`. */
function wallTexts(publishedAt: string | null, zone: string): { date: string; time: string } {
  if (!publishedAt) return { date: '', time: '' };
  const w = toIsoWithOffset(new Date(publishedAt), zone);
  const [year, month, day, hour, minute] = [w.slice(0, 4), w.slice(5, 7), w.slice(8, 10), w.slice(11, 13), w.slice(14, 16)].map(Number) as [number, number, number, number, number];
  return { date: formatDayMonthYear({ year, month, day }), time: formatClockTime({ hour, minute }) };
}

/**
 * Publish date and time, typed day first and in 24-hour time as the paper writes
 * them (`10/06/2016`, `16:36` or `16h36`), in a chosen time zone. Text fields,
 * not the browser's date pickers, whose format follows the system's locale
 * (month first, 12-hour clock on an English system).
 */
function PublishField({ session, meta }: { session: ArticleSession; meta: ArticleMeta }) {
  const { t } = useTranslation();
  const id = useId();
  const [zone, setZone] = useState(() => (meta.publishedAt ? zoneForIso(meta.publishedAt) : DEFAULT_TIME_ZONE));
  const [date, setDate] = useState(() => wallTexts(meta.publishedAt, zone).date);
  const [time, setTime] = useState(() => wallTexts(meta.publishedAt, zone).time);
  /** The last stored time when it fell on a daylight-saving edge: the user is told what was stored. */
  const [edge, setEdge] = useState<ZonedTime | null>(null);
  const dateError = date.trim() !== '' && !parseDayMonthYear(date);
  const timeError = time.trim() !== '' && !parseClockTime(time);

  /** Store the date and time once both read correctly (no time: midnight); otherwise keep the last good value. */
  const commit = (d: string, tm: string, z: string) => {
    const day = parseDayMonthYear(d);
    const clock = tm.trim() === '' ? { hour: 0, minute: 0 } : parseClockTime(tm);
    if (!day || !clock) return;
    const resolved = resolveZonedTime({ ...day, ...clock }, z);
    setEdge(resolved.fit === 'exact' ? null : resolved);
    session.updateMeta({ publishedAt: resolved.iso });
  };

  return (
    <fieldset className="field publish">
      <legend>{t('details.publish')}</legend>
      <div className="row">
        <input
          id={`${id}-date`}
          type="text"
          inputMode="numeric"
          placeholder={t('details.datePlaceholder')}
          aria-label={t('details.publishDate')}
          aria-invalid={dateError}
          aria-describedby={dateError || timeError ? `${id}-error` : undefined}
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            commit(e.target.value, time, zone);
          }}
          onBlur={() => {
            const day = parseDayMonthYear(date);
            if (day) setDate(formatDayMonthYear(day));
          }}
        />
        <input
          id={`${id}-time`}
          type="text"
          placeholder={t('details.timePlaceholder')}
          aria-label={t('details.publishTime')}
          aria-invalid={timeError}
          aria-describedby={dateError || timeError ? `${id}-error` : undefined}
          value={time}
          onChange={(e) => {
            setTime(e.target.value);
            commit(date, e.target.value, zone);
          }}
          onBlur={() => {
            const clock = parseClockTime(time);
            if (clock) setTime(formatClockTime(clock));
          }}
        />
      </div>
      {(dateError || timeError) && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {dateError ? t('details.dateInvalid') : t('details.timeInvalid')}
        </small>
      )}
      {edge && !dateError && !timeError && (
        <small className="field-hint" role="status">
          {t(edge.fit === 'skipped' ? 'details.timeSkipped' : 'details.timeRepeated', { time: `${edge.iso.slice(11, 16)} (UTC${edge.iso.slice(19)})` })}
        </small>
      )}
      <div className="row">
        <select
          aria-label={t('details.timeZone')}
          value={zone}
          onChange={(e) => {
            setZone(e.target.value);
            commit(date, time, e.target.value);
          }}
        >
          {TIME_ZONES.map((z) => (
            <option key={z} value={z}>
              {t(`timeZones.${z}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        {meta.publishedAt && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDate('');
              setTime('');
              setEdge(null);
              session.updateMeta({ publishedAt: null });
            }}
          >
            {t('details.clearPublish')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function LengthField({ session, meta }: { session: ArticleSession; meta: ArticleMeta }) {
  const { t } = useTranslation();
  const id = useId();
  const [min, setMin] = useState(meta.lengthTarget.min?.toString() ?? '');
  const [max, setMax] = useState(meta.lengthTarget.max?.toString() ?? '');
  const parse = (s: string): number | undefined | null => (s.trim() === '' ? undefined : /^\d{1,6}$/.test(s.trim()) ? Number(s) : null);
  const minValue = parse(min);
  const maxValue = parse(max);
  let error: string | null = null;
  if (minValue === null || maxValue === null || maxValue === 0) error = t('details.invalidNumber');
  else if (minValue !== undefined && maxValue !== undefined && minValue > maxValue) error = t('details.minOverMax');

  const commit = (nextMin: string, nextMax: string) => {
    const a = parse(nextMin);
    const b = parse(nextMax);
    if (a === null || b === null || b === 0 || (a !== undefined && b !== undefined && a > b)) return;
    const target: LengthTarget = { ...meta.lengthTarget, min: a, max: b };
    if (a === undefined) delete target.min;
    if (b === undefined) delete target.max;
    session.updateMeta({ lengthTarget: target });
  };

  return (
    <fieldset className={`field length${error ? ' invalid' : ''}`}>
      <legend>{t('details.lengthTarget')}</legend>
      <div className="row">
        <label htmlFor={`${id}-min`}>{t('details.lengthMin')}</label>
        <input
          id={`${id}-min`}
          inputMode="numeric"
          value={min}
          aria-invalid={minValue === null}
          onChange={(e) => {
            setMin(e.target.value);
            commit(e.target.value, max);
          }}
        />
        <label htmlFor={`${id}-max`}>{t('details.lengthMax')}</label>
        <input
          id={`${id}-max`}
          inputMode="numeric"
          value={max}
          aria-invalid={maxValue === null || maxValue === 0}
          onChange={(e) => {
            setMax(e.target.value);
            commit(min, e.target.value);
          }}
        />
      </div>
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
