import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../editor/keymap';
import { matchesQuery } from './search';
import { isEnabled, type AppCommand, type CommandContext } from './types';
import { useModal } from './use-modal';

/**
 * The command palette (Ctrl+Shift+P): every command of the registry, found by
 * typing part of its name (tone marks and đ ignored), run with Enter. Arrow keys
 * move, Home/End jump, Escape closes. Disabled commands stay listed, greyed, and
 * do not run.
 */
export function CommandPalette({ commands, context, onClose }: {
  commands: readonly AppCommand[];
  context: CommandContext;
  /** Close the palette; with a command, run it once the palette is gone (focus back where it was). */
  onClose(chosen?: AppCommand): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialog = useModal(() => onClose());
  const found = useMemo(() => commands.filter((c) => matchesQuery(query, t(c.labelKey), c.id)), [commands, query, t]);
  const current = found[Math.min(active, found.length - 1)];

  // Keep the highlighted command in sight while arrows move past the list's edge.
  const currentId = current ? `${id}-${current.id}` : null;
  useEffect(() => {
    if (currentId) document.getElementById(currentId)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const run = (command: AppCommand | undefined) => {
    if (command && isEnabled(command, context)) onClose(command);
  };

  const onKey = (event: React.KeyboardEvent) => {
    const last = found.length - 1;
    const at = Math.min(active, last);
    const moves: Record<string, number> = { ArrowDown: at >= last ? 0 : at + 1, ArrowUp: at <= 0 ? last : at - 1, Home: 0, End: last, PageDown: Math.min(at + 8, last), PageUp: Math.max(at - 8, 0) };
    if (event.key in moves) {
      setActive(Math.max(moves[event.key]!, 0));
      event.preventDefault();
    } else if (event.key === 'Enter') {
      run(current);
      event.preventDefault();
    }
  };

  const optionId = (command: AppCommand) => `${id}-${command.id}`;

  return (
    <dialog ref={dialog} className="palette" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('palette.title')}
      </h2>
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-label={t('palette.search')}
        placeholder={t('palette.search')}
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul role="listbox" id={`${id}-list`} aria-label={t('palette.title')} className="palette-list">
        {found.map((command, i) => {
          const enabled = isEnabled(command, context);
          return (
            <li
              key={command.id}
              id={optionId(command)}
              role="option"
              aria-selected={command === current}
              aria-disabled={!enabled || undefined}
              data-command={command.id}
              className={`palette-option${command === current ? ' active' : ''}${enabled ? '' : ' disabled'}`}
              onMouseMove={() => setActive(i)}
              onClick={() => run(command)}
            >
              <span>{t(command.labelKey)}</span>
              {command.shortcut && <kbd>{shortcutLabel(command.shortcut)}</kbd>}
            </li>
          );
        })}
      </ul>
      {!found.length && <p className="palette-empty">{t('palette.empty')}</p>}
    </dialog>
  );
}
