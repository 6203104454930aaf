import type { TFunction } from 'i18next';

interface PartDiff {
  part: string;
  segments: { kind: 'same' | 'deleted' | 'inserted'; text: string }[];
}

/** An inline comparison: each part of the article with deletions struck through and insertions underlined. */
export function DiffView({ parts, t }: { parts: PartDiff[]; t: TFunction }) {
  return (
    <div className="review-diff">
      <p className="review-hint">{t('review.history.legend')}</p>
      {parts.map((p) => (
        <div key={p.part} className={`review-diff-part part-${p.part}`}>
          <div className="review-diff-label">{t(`review.comments.part.${p.part}`, { defaultValue: p.part })}</div>
          <p>
            {p.segments.map((s, i) =>
              s.kind === 'deleted' ? (
                <del key={i}>{s.text}</del>
              ) : s.kind === 'inserted' ? (
                <ins key={i}>{s.text}</ins>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </div>
  );
}
