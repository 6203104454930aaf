import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHref } from '../../../shared/links';
import type { EditorController } from '../editor/controller';
import { linkRangeAt, removeLink, setLink } from '../editor/commands';
import { marks } from '../editor/types';

/**
 * The link dialog (Mod-K or the toolbar). Accepts only http, https and mailto
 * addresses and says so visibly; anything else leaves the text untouched. With
 * the cursor inside a link it edits that whole link.
 */
export function LinkDialog({ controller }: { controller: EditorController }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ from: number; to: number } | null>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(
    () =>
      controller.onLinkRequest(() => {
        const state = controller.getState();
        const range = linkRangeAt(state.selection.$from);
        setEditing(range ? { from: range.from, to: range.to } : null);
        setHref(range?.href ?? '');
        setError(state.selection.empty && !range ? t('link.needSelection') : null);
        dialog.current?.showModal();
      }),
    [controller, t],
  );

  const close = () => {
    dialog.current?.close();
    controller.focus();
  };

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const safe = safeHref(href.trim());
    if (!safe) {
      setError(t('link.invalid'));
      return;
    }
    const applied = controller.run((state, dispatch) => {
      if (editing && state.selection.empty) {
        const { from, to } = editing;
        if (dispatch) dispatch(state.tr.removeMark(from, to, marks.link).addMark(from, to, marks.link.create({ href: safe })));
        return true;
      }
      return setLink(safe)(state, dispatch);
    }, false);
    if (!applied) {
      setError(t('link.needSelection'));
      return;
    }
    close();
  };

  const remove = () => {
    controller.run(removeLink, false);
    close();
  };

  return (
    <dialog ref={dialog} className="dialog link-dialog" aria-labelledby={`${inputId}-title`} onClose={() => controller.focus()}>
      <form onSubmit={apply} noValidate>
        <h2 id={`${inputId}-title`}>{t('link.title')}</h2>
        <label htmlFor={inputId}>{t('link.address')}</label>
        <input
          id={inputId}
          type="url"
          value={href}
          placeholder={t('link.placeholder')}
          autoFocus
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setHref(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          {editing && (
            <button type="button" onClick={remove}>
              {t('link.remove')}
            </button>
          )}
          <button type="button" onClick={close}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('link.apply')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
