import type { Node as PMNode } from 'prosemirror-model';
import type { Decoration, EditorView, NodeView, NodeViewConstructor, ViewMutationRecord } from 'prosemirror-view';
import type { Command } from 'prosemirror-state';
import { formatByteSize, isTooSmallForWeb, type MediaInfo } from '../../../../shared/media';
import { nodes } from '../types';
import { showEditorNotice } from '../plugins/notice';
import { copyCaptionToAlt, moveFigure, removeFigure, replaceFigureImage, setFigureAlt } from './commands';
import type { FigureDeps } from './deps';
import { setFeaturedInView } from './figure-plugin';
import { mediaUrl } from './media-url';
import { pickImageFiles } from './picker';
import type { LeadSpec } from './state';
import { uploadImage } from './upload';
import { reasonFor } from '../../api/error-text';

/**
 * How a figure looks and behaves in the editor: the downscaled preview (never the
 * original, so a 50 MB photo costs no more than a 1600 px one), pixel and byte size, a
 * warning when the photo is too small for the web, and buttons to move, replace,
 * remove, make lead image and copy the caption to the alt text, plus the alt field.
 * Caption and credit are ordinary editable content below (ProseMirror renders them).
 */
class FigureView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly image: HTMLImageElement;
  private readonly facts: HTMLElement;
  private readonly warning: HTMLElement;
  private readonly privacy: HTMLElement;
  private readonly leadBadge: HTMLElement;
  private readonly leadButton: HTMLButtonElement;
  private readonly altInput: HTMLInputElement;
  private readonly busy: HTMLElement;
  private mediaId: string | null = null;
  private lead: LeadSpec | null = null;

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    decorations: readonly Decoration[],
    private readonly deps: FigureDeps,
  ) {
    const { t } = deps;
    this.dom = el('figure', 'nr-figure');
    this.frame = el('div', 'nr-figure-frame');
    this.frame.contentEditable = 'false';

    this.image = document.createElement('img');
    this.image.className = 'nr-figure-image';
    this.image.decoding = 'async';
    this.image.loading = 'lazy';
    this.image.draggable = false;
    this.image.addEventListener('error', () => this.showMissing());
    this.facts = el('div', 'nr-figure-facts');
    this.facts.dataset.testid = 'figure-facts';
    this.warning = el('div', 'nr-figure-warning');
    this.warning.dataset.testid = 'figure-too-small';
    this.warning.hidden = true;
    this.privacy = el('div', 'nr-figure-privacy');
    this.privacy.hidden = true;
    this.leadBadge = el('span', 'nr-figure-lead-badge');
    this.leadBadge.dataset.testid = 'figure-lead-badge';
    this.leadBadge.hidden = true;
    this.busy = el('span', 'nr-figure-busy');
    this.busy.setAttribute('role', 'status');

    const tools = el('div', 'nr-figure-tools');
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', t('figure.tools'));
    const button = (name: string, label: string, icon: string, action: () => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `nr-figure-tool nr-figure-${name}`;
      b.dataset.action = name;
      b.title = label;
      b.setAttribute('aria-label', label);
      b.textContent = icon;
      // Keep the editor's selection: a click must not blur it first.
      b.addEventListener('mousedown', (e) => e.preventDefault());
      b.addEventListener('click', (e) => {
        e.preventDefault();
        action();
      });
      tools.append(b);
      return b;
    };
    button('up', t('figure.moveUp'), '↑', () => this.run((pos) => moveFigure(pos, -1)));
    button('down', t('figure.moveDown'), '↓', () => this.run((pos) => moveFigure(pos, 1)));
    button('replace', t('figure.replace'), t('figure.replaceShort'), () => void this.replace());
    this.leadButton = button('lead', t('figure.setLead'), t('figure.setLeadShort'), () => void this.makeLead());
    button('copy-caption', t('figure.copyCaption'), t('figure.copyCaptionShort'), () => this.run((pos) => copyCaptionToAlt(pos)));
    button('remove', t('figure.remove'), '✕', () => this.run((pos) => removeFigure(pos)));

    const altLabel = el('label', 'nr-figure-alt');
    const altText = el('span', 'nr-figure-alt-label');
    altText.textContent = t('figure.alt');
    this.altInput = document.createElement('input');
    this.altInput.type = 'text';
    this.altInput.className = 'nr-figure-alt-input';
    this.altInput.placeholder = t('figure.altPlaceholder');
    this.altInput.spellcheck = true;
    this.altInput.addEventListener('input', (e) => {
      if (!(e as InputEvent).isComposing) this.commitAlt();
    });
    this.altInput.addEventListener('compositionend', () => this.commitAlt());
    this.altInput.addEventListener('keydown', (e) => {
      // Enter or Escape go back to the caption, as a reporter expects after a field.
      if (e.key === 'Enter' || e.key === 'Escape') {
        e.preventDefault();
        this.view.focus();
      }
    });
    altLabel.append(altText, this.altInput);

    const head = el('div', 'nr-figure-head');
    head.append(this.leadBadge, this.facts, this.busy);
    this.frame.append(this.image, head, this.warning, this.privacy, tools, altLabel);
    this.contentDOM = el('div', 'nr-figure-text');
    this.dom.append(this.frame, this.contentDOM);
    this.render(node, decorations);
  }

  private run(make: (pos: number) => Command): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    make(pos)(this.view.state, this.view.dispatch, this.view);
    this.view.focus();
  }

  private commitAlt(): void {
    const pos = this.getPos();
    if (pos !== undefined) setFigureAlt(pos, this.altInput.value)(this.view.state, this.view.dispatch, this.view);
  }

  private async replace(): Promise<void> {
    const [file] = await pickImageFiles({ multiple: false, title: this.deps.t('figure.replace') });
    if (!file) return;
    this.busy.textContent = this.deps.t('figure.replacing');
    try {
      const imported = await uploadImage(this.deps.client, file, () => {});
      this.deps.media.prime(imported.media);
      const pos = this.getPos();
      if (pos !== undefined) replaceFigureImage(pos, imported.media.id, imported.prefill)(this.view.state, this.view.dispatch, this.view);
    } catch (err) {
      this.busy.textContent = '';
      this.notify(this.deps.t('figure.refused', { reasons: reasonFor(err, this.deps.t) }));
      return;
    }
    this.busy.textContent = '';
  }

  private async makeLead(): Promise<void> {
    if (!this.mediaId || this.lead?.explicit) return;
    try {
      await this.deps.client.setFeaturedImage({ id: this.deps.articleId, mediaId: this.mediaId });
      if (!this.view.isDestroyed) setFeaturedInView(this.view, this.mediaId);
    } catch (err) {
      this.notify(this.deps.t('figure.leadFailed', { reason: reasonFor(err, this.deps.t) }));
    }
  }

  private notify(message: string): void {
    showEditorNotice(this.view, message, { testId: 'figure-refused', closeLabel: this.deps.t('figure.close') });
  }

  private render(node: PMNode, decorations: readonly Decoration[]): void {
    const { t } = this.deps;
    const mediaId = node.attrs.mediaId as string | null;
    const alt = node.attrs.alt as string;
    this.dom.dataset.mediaId = mediaId ?? '';
    this.image.alt = alt;
    if (document.activeElement !== this.altInput && this.altInput.value !== alt) this.altInput.value = alt;

    const lead = decorations.find((d) => (d.spec as Partial<LeadSpec>).leadImage)?.spec as LeadSpec | undefined;
    this.lead = lead ?? null;
    this.leadBadge.hidden = !lead;
    this.leadBadge.textContent = lead ? (lead.explicit ? t('figure.isLead') : t('figure.isLeadDefault')) : '';
    this.leadButton.disabled = !mediaId || !!lead?.explicit;
    this.leadButton.setAttribute('aria-pressed', String(!!lead));

    if (mediaId === this.mediaId) return;
    this.mediaId = mediaId;
    this.warning.hidden = true;
    this.privacy.hidden = true;
    if (!mediaId) {
      this.image.removeAttribute('src');
      this.image.hidden = true;
      this.facts.textContent = t('figure.noImage');
      return;
    }
    this.image.hidden = false;
    this.image.src = mediaUrl(mediaId, 'preview');
    this.facts.textContent = t('figure.loading');
    this.deps.media.get(mediaId).then(
      (info) => {
        if (this.mediaId === mediaId) this.showInfo(info);
      },
      () => {
        if (this.mediaId === mediaId) this.showMissing();
      },
    );
  }

  private showInfo(info: MediaInfo): void {
    const { t } = this.deps;
    this.image.width = Math.min(info.width, 1600);
    this.image.height = Math.round((this.image.width * info.height) / info.width);
    this.facts.textContent = t('figure.size', { width: info.width, height: info.height, bytes: formatByteSize(info.byteSize) });
    const longEdge = Math.max(info.width, info.height);
    this.warning.hidden = !isTooSmallForWeb(info.width, info.height);
    this.warning.textContent = this.warning.hidden ? '' : t('figure.tooSmall', { edge: longEdge });
    const privateParts = [info.hasLocation ? t('figure.hasLocation') : '', info.hasSerialNumber ? t('figure.hasSerial') : ''].filter(Boolean);
    this.privacy.hidden = privateParts.length === 0;
    this.privacy.textContent = privateParts.length ? t('figure.privateKept', { what: privateParts.join(', ') }) : '';
  }

  private showMissing(): void {
    this.image.hidden = true;
    this.facts.textContent = this.deps.t('figure.missing');
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== nodes.figure) return false;
    this.node = node;
    this.render(node, decorations);
    return true;
  }

  /** Our own controls handle their events; ProseMirror handles the caption, credit and dragging. */
  stopEvent(event: Event): boolean {
    const target = event.target as Node | null;
    if (!target || !this.frame.contains(target)) return false;
    if (event.type.startsWith('drag') || event.type === 'drop') return false;
    return target !== this.image;
  }

  /** Changes inside the frame are ours; only the caption/credit area is ProseMirror's. */
  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return !this.contentDOM.contains(mutation.target);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/** The figure node view constructor for an editor. */
export function figureNodeView(deps: FigureDeps): NodeViewConstructor {
  return (node, view, getPos, decorations) => new FigureView(node, view, getPos, decorations, deps);
}
