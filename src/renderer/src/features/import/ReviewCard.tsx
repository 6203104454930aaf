import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/import-report';
import type { ReviewItem } from './ImportView';
import { WallDateTimeInput } from './WallDateTimeInput';
import { droppedReason, lossText, warningText } from './report-text';

/** The fields the user may correct, as the form holds them. */
export interface EditableFields {
  headline: string;
  lead: string;
  agencyTag: string;
  /** `YYYY-MM-DDTHH:mm` wall-clock time, '' when unknown. */
  publishedAt: string;
  /** Comma-separated names. */
  byline: string;
  captions: string[];
  /** Figures (by index) the user put back in the body: caption candidates that were body text. */
  bodyText: number[];
}

export function fieldsFromReport(report: ImportReport | null): EditableFields {
  return {
    headline: report?.headline ?? '',
    lead: report?.lead ?? '',
    agencyTag: report?.agencyTag ?? '',
    // The report's time is already in the newsroom's zone: its wall-clock part is what the user sees.
    publishedAt: report?.publishedAt?.slice(0, 16) ?? '',
    byline: report?.byline.join(', ') ?? '',
    captions: report?.figures.map((f) => f.caption) ?? [],
    bodyText: [],
  };
}

interface Props {
  item: ReviewItem;
  disabled: boolean;
  onChange(fields: EditableFields): void;
  onInclude(include: boolean): void;
  onDiscard(): void;
  onOpen(articleId: string): void;
  /** The file's proofing counts (from the proofing feature). */
  proofing?: ReactNode;
}

/** One imported file on the review screen: what was recognised, editable, and what was left out. */
export function ReviewCard({ item, disabled, onChange, onInclude, onDiscard, onOpen, proofing }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { report, fields } = item;
  const set = (change: Partial<EditableFields>) => onChange({ ...fields, ...change });

  if (!report) {
    return (
      <section className="import-item refused" aria-label={item.name}>
        <h3>{item.name}</h3>
        <p role="alert" className="error">
          <strong>{t('importReview.refused')}:</strong> {item.error}
        </p>
      </section>
    );
  }

  const readOnly = disabled || !!item.created;
  const loss = report.warnings.find((w) => w.code === 'text_left_out');
  const otherWarnings = report.warnings.filter((w) => w !== loss);
  return (
    <section className="import-item" aria-label={item.name}>
      <header className="import-item-head">
        <h3>{item.name}</h3>
        <p className="import-hint">
          {t('importReview.summary', {
            format: t(`importReview.format.${report.format}`),
            encoding: report.encoding ?? t('importReview.noEncoding'),
            // The core's counts once caption candidates went back to the body.
            paragraphs: (item.revised ?? report).paragraphs,
            figures: (item.revised ?? report).figures.length,
          })}
        </p>
      </header>

      {loss && (
        <p role="alert" className="import-loss">
          {lossText(loss, t, i18n.language)}
        </p>
      )}

      {item.created ? (
        <p className="import-created" role="status">
          {t('importReview.created', { headline: item.created.headline })} · {t('importReview.revision', { name: item.created.revisionName })}{' '}
          <button type="button" className="link-button" onClick={() => onOpen(item.created!.articleId)}>
            {t('importReview.open')}
          </button>
        </p>
      ) : (
        <label className="import-include">
          <input type="checkbox" checked={item.include} disabled={disabled} onChange={(e) => onInclude(e.target.checked)} /> {t('importReview.include')}
        </label>
      )}
      {item.createError && (
        <p role="alert" className="error">
          {t('importReview.createFailed', { reason: item.createError })}
        </p>
      )}

      <div className="import-fields">
        <label htmlFor={`${id}-headline`}>{t('importReview.headline')}</label>
        <input id={`${id}-headline`} type="text" value={fields.headline} readOnly={readOnly} onChange={(e) => set({ headline: e.target.value })} />

        <label htmlFor={`${id}-lead`}>{t('importReview.lead')}</label>
        <textarea id={`${id}-lead`} rows={3} value={fields.lead} readOnly={readOnly} onChange={(e) => set({ lead: e.target.value })} />

        <label htmlFor={`${id}-agency`}>{t('importReview.agencyTag')}</label>
        <div>
          <input id={`${id}-agency`} type="text" maxLength={20} value={fields.agencyTag} readOnly={readOnly} aria-describedby={`${id}-agency-hint`} onChange={(e) => set({ agencyTag: e.target.value })} />
          <p id={`${id}-agency-hint`} className="import-hint">
            {t('importReview.agencyTagHint')}
          </p>
        </div>

        <label htmlFor={`${id}-date`}>{t('importReview.publishedAt')}</label>
        <WallDateTimeInput id={`${id}-date`} value={fields.publishedAt} readOnly={readOnly} onChange={(publishedAt) => set({ publishedAt })} />

        <label htmlFor={`${id}-byline`}>{t('importReview.byline')}</label>
        <div>
          <input id={`${id}-byline`} type="text" value={fields.byline} readOnly={readOnly} aria-describedby={`${id}-byline-hint`} onChange={(e) => set({ byline: e.target.value })} />
          <p id={`${id}-byline-hint`} className="import-hint">
            {t('importReview.bylineHint')}
          </p>
        </div>

        {report.figures.map((figure, i) => (
          <FigureField
            key={i}
            id={`${id}-caption-${i}`}
            n={i + 1}
            value={fields.captions[i] ?? ''}
            image={figure.image}
            credit={figure.credit}
            candidate={!!figure.candidate}
            inBody={fields.bodyText.includes(i)}
            readOnly={readOnly}
            onChange={(caption) => set({ captions: fields.captions.map((c, k) => (k === i ? caption : c)) })}
            onBodyText={(inBody) => set({ bodyText: inBody ? [...fields.bodyText, i] : fields.bodyText.filter((k) => k !== i) })}
          />
        ))}
      </div>

      {proofing}
      {otherWarnings.length > 0 && (
        <details className="import-warnings" open>
          <summary>{t('importReview.warnings', { count: otherWarnings.length })}</summary>
          <ul>
            {otherWarnings.map((w, i) => (
              <li key={i}>{warningText(w, t)}</li>
            ))}
          </ul>
        </details>
      )}
      {report.dropped.length > 0 && (
        <details className="import-dropped">
          <summary>{t('importReview.dropped', { count: report.dropped.length })}</summary>
          <ul>
            {report.dropped.map((d, i) => (
              <li key={i}>
                <span className="import-drop-reason">{droppedReason(d, t)}:</span> <q>{d.text}</q>
              </li>
            ))}
          </ul>
        </details>
      )}

      {!item.created && (
        <button type="button" className="link-button" disabled={disabled} onClick={onDiscard}>
          {t('importReview.discard')}
        </button>
      )}
    </section>
  );
}

/** One figure's caption; a caption candidate (placed by its shape alone) can be put back in the body with one click. */
function FigureField(props: {
  id: string;
  n: number;
  value: string;
  image: string | null;
  credit: string;
  candidate: boolean;
  inBody: boolean;
  readOnly: boolean;
  onChange(caption: string): void;
  onBodyText(inBody: boolean): void;
}) {
  const { t } = useTranslation();
  if (props.inBody) {
    return (
      <>
        <span className="import-field-label">{t('importReview.caption', { n: props.n })}</span>
        <p className="import-hint">
          {t('importReview.returnedToBody', { text: props.value })}{' '}
          <button type="button" className="link-button" disabled={props.readOnly} onClick={() => props.onBodyText(false)}>
            {t('importReview.undoBodyText')}
          </button>
        </p>
      </>
    );
  }
  return (
    <>
      <label htmlFor={props.id}>{t('importReview.caption', { n: props.n })}</label>
      <div>
        <textarea id={props.id} rows={2} value={props.value} readOnly={props.readOnly} aria-describedby={`${props.id}-photo`} onChange={(e) => props.onChange(e.target.value)} />
        <p id={`${props.id}-photo`} className="import-hint">
          {props.image ? t('importReview.photoFrom', { name: props.image }) : t('importReview.photoAwaited')}
          {props.credit ? ` · ${t('importReview.credit', { credit: props.credit })}` : ''}
          {props.candidate ? ` · ${t('importReview.candidateHint')} ` : ''}
          {props.candidate && (
            <button type="button" className="link-button" disabled={props.readOnly} onClick={() => props.onBodyText(true)}>
              {t('importReview.bodyTextButton')}
            </button>
          )}
        </p>
      </div>
    </>
  );
}
