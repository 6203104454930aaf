import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClockTime, formatDayMonthYear, parseDateAndTime } from '../../../../shared/dates';

/** `2016-06-10T16:36` → `10/06/2016 16:36`. */
function display(value: string): string {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  if (!m) return '';
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return `${formatDayMonthYear({ year, month, day })} ${formatClockTime({ hour, minute })}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A wall-clock date and time (`YYYY-MM-DDTHH:mm`, no zone) typed as the paper
 * writes it, day first and 24-hour (`10/06/2016 16:36`). Unreadable text is
 * marked and not passed on; clearing the field passes ''.
 */
export function WallDateTimeInput(props: { id: string; value: string; readOnly?: boolean; onChange(value: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => display(props.value));
  const parsed = text.trim() ? parseDateAndTime(text) : null;
  const invalid = text.trim() !== '' && !parsed;
  return (
    <div>
      <input
        id={props.id}
        type="text"
        value={text}
        readOnly={props.readOnly}
        placeholder={t('importReview.dateTimePlaceholder')}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${props.id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) return props.onChange('');
          const p = parseDateAndTime(e.target.value);
          if (p) props.onChange(`${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`);
        }}
        onBlur={() => parsed && setText(display(`${pad(parsed.year, 4)}-${pad(parsed.month)}-${pad(parsed.day)}T${pad(parsed.hour)}:${pad(parsed.minute)}`))}
      />
      {invalid && (
        <p id={`${props.id}-error`} className="import-hint error" role="alert">
          {t('importReview.dateTimeInvalid')}
        </p>
      )}
    </div>
  );
}
