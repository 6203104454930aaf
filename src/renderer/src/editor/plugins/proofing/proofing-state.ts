/**
 * Proofing findings placed in the document, and their underlines. Findings come
 * from the worker for one exact document; between checks they move with the text
 * (mapped through each transaction) and vanish when their text is edited.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { ArticleFinding } from '../../../../../shared/proofing/rules/engine';

export interface PlacedFinding extends ArticleFinding {
  from: number;
  to: number;
  /** Stable while the text stays: rule, place and text. */
  key: string;
}

export interface ProofingState {
  findings: PlacedFinding[];
  decorations: DecorationSet;
  /** *Ignore once*: findings dismissed at a place, mapped with the text. */
  ignoredOnce: { rule: string; text: string; from: number }[];
  /** The finding the popover shows, and which suggestion Enter applies. */
  open: { key: string; choice: number } | null;
  panelOpen: boolean;
}

export type ProofingMeta =
  | { type: 'findings'; findings: PlacedFinding[] }
  | { type: 'ignore-once'; finding: PlacedFinding }
  | { type: 'open'; key: string | null; choice?: number }
  | { type: 'panel'; open: boolean }
  | { type: 'refilter'; keep: (f: PlacedFinding) => boolean };

export const proofingKey = new PluginKey<ProofingState>('proofing');

export function underlineClass(f: ArticleFinding): string {
  if (f.severity === 'info') return 'nr-proof nr-proof-info';
  return f.category === 'spelling' ? 'nr-proof nr-proof-spelling' : 'nr-proof nr-proof-style';
}

function decorate(state: EditorState, findings: PlacedFinding[], openKey: string | null): DecorationSet {
  const decorations = findings
    .filter((f) => f.to > f.from)
    .map((f) => Decoration.inline(f.from, f.to, { class: underlineClass(f) + (f.key === openKey ? ' nr-proof-open' : ''), 'data-proof-key': f.key }));
  return DecorationSet.create(state.doc, decorations);
}

const isIgnored = (f: PlacedFinding, ignored: ProofingState['ignoredOnce']) => ignored.some((i) => i.rule === f.rule && i.text === f.text && i.from === f.from);

function mapFindings(findings: PlacedFinding[], tr: Transaction): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  for (const f of findings) {
    const from = tr.mapping.mapResult(f.from, 1);
    const to = tr.mapping.mapResult(f.to, -1);
    if (from.deletedAfter || to.deletedBefore || to.pos <= from.pos) continue;
    if (tr.doc.textBetween(from.pos, to.pos, '', '\ufffc') !== f.text) continue;
    out.push({ ...f, from: from.pos, to: to.pos });
  }
  return out;
}

export function proofingStatePlugin(): Plugin<ProofingState> {
  return new Plugin<ProofingState>({
    key: proofingKey,
    state: {
      init: (_, state) => ({ findings: [], decorations: DecorationSet.create(state.doc, []), ignoredOnce: [], open: null, panelOpen: false }),
      apply(tr, prev, _old, state): ProofingState {
        const meta = tr.getMeta(proofingKey) as ProofingMeta | undefined;
        let { findings, ignoredOnce, open, panelOpen } = prev;
        if (tr.docChanged) {
          findings = mapFindings(findings, tr);
          ignoredOnce = ignoredOnce.map((i) => ({ ...i, from: tr.mapping.map(i.from) }));
          open = null;
        }
        if (meta?.type === 'findings') findings = meta.findings.filter((f) => !isIgnored(f, ignoredOnce));
        if (meta?.type === 'ignore-once') {
          ignoredOnce = [...ignoredOnce, { rule: meta.finding.rule, text: meta.finding.text, from: meta.finding.from }];
          findings = findings.filter((f) => f.key !== meta.finding.key);
          open = null;
        }
        if (meta?.type === 'refilter') {
          findings = findings.filter(meta.keep);
          open = null;
        }
        if (meta?.type === 'open') open = meta.key ? { key: meta.key, choice: meta.choice ?? 0 } : null;
        if (meta?.type === 'panel') panelOpen = meta.open;
        if (open && !findings.some((f) => f.key === open!.key)) open = null;
        if (open && tr.selectionSet && !meta) {
          const shown = findings.find((f) => f.key === open!.key)!;
          const { from, to } = tr.selection;
          if (from < shown.from || to > shown.to) open = null;
        }
        // Typing maps the underlines (cheap, local); they are redrawn only when the set of findings or the open one changes.
        const sameSet = findings.length === prev.findings.length && (findings === prev.findings || tr.docChanged) && !meta;
        const redraw = !sameSet || open?.key !== prev.open?.key;
        return { findings, ignoredOnce, open, panelOpen, decorations: redraw ? decorate(state, findings, open?.key ?? null) : prev.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => proofingKey.getState(state)?.decorations,
    },
  });
}
