/**
 * Runs proofing in the worker as the reporter types: a check starts after a
 * short pause, never during an IME composition, and its findings are placed only
 * on the exact document they were computed for (typing meanwhile triggers the
 * next check instead).
 */
import type { PluginView } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient } from '../../../../../shared/api';
import { documentParagraphs } from '../../../../../shared/proofing/paragraphs';
import type { ArticleFinding } from '../../../../../shared/proofing/rules/engine';
import type { RulesFile } from '../../../../../shared/proofing/rules/schema';
import type { FromWorker, ToWorker } from './protocol';
import { proofingKey, type PlacedFinding, type ProofingMeta } from './proofing-state';
import { onRulesSaved } from './rules-events';
import { ignoredInArticle, loadPersonalWords } from './word-lists';
import { defaultProfileTag, printedAgencyTag } from '../../../../../shared/proofing/agency';

/** The article details proofing depends on, read from the open article's session. */
export interface ProofingSettingsSource {
  get(): { language: string; agencyTag: string } | undefined;
  subscribe(listener: () => void): () => void;
}

export interface CheckerOptions {
  client: ApiClient;
  articleId: string;
  settings: ProofingSettingsSource;
  /** Pause after the last keystroke before a check. */
  delayMs?: number;
}

/** What other proofing views may ask of the checker. */
export interface CheckerHandle {
  /** Re-read the rules and word lists and check again (after *ignore in this article*, a dictionary change). */
  reload(): void;
  /** *Add to dictionary*: store the word in the local profile's personal dictionary, then check again. */
  addPersonalWord(word: string): void;
}

const createWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

export class ProofingChecker implements PluginView, CheckerHandle {
  private readonly worker = createWorker();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private requestId = 0;
  private requested: { id: number; doc: EditorView['state']['doc']; positions: Map<string, number> } | null = null;
  private configured = false;
  private readonly offRules: () => void;
  private readonly offSettings: () => void;
  private language = '';
  private agencyTag = '';
  /** The default export profile's agency tag: the page prints it when the article's field is empty. */
  private profileAgencyTag = '';
  /** Words added while the store could not take them (no profile yet): allowed for this session. */
  private readonly sessionWords = new Set<string>();

  constructor(
    private readonly view: EditorView,
    private readonly options: CheckerOptions,
  ) {
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.offRules = onRulesSaved(() => this.reload());
    this.offSettings = options.settings.subscribe(() => {
      const s = options.settings.get();
      if (!s) return;
      if (s.language !== this.language) this.reload();
      else if (printedAgencyTag(s.agencyTag, this.profileAgencyTag) !== this.agencyTag) this.schedule(0);
    });
    this.reload();
  }

  reload(): void {
    this.configured = false;
    const { client } = this.options;
    void Promise.all([
      client.getProofingRules({}),
      client.listNewsroomDictionary({}),
      loadPersonalWords(client).catch(() => [] as string[]),
      client.listPublicationProfiles({}).catch(() => ({ items: [] })),
    ])
      .then(([{ file }, dictionary, personal, profiles]) => {
        this.language = this.options.settings.get()?.language ?? 'vi';
        this.profileAgencyTag = defaultProfileTag(profiles.items);
        this.post({
          type: 'configure',
          rules: file as RulesFile,
          language: this.language,
          newsroomWords: dictionary.entries.map((e) => e.word),
          personalWords: [...personal, ...this.sessionWords],
        });
      })
      .catch(() => undefined);
  }

  addPersonalWord(word: string): void {
    this.sessionWords.add(word);
    void this.options.client
      .addPersonalWords({ words: [word] })
      .then(() => this.sessionWords.delete(word))
      .catch(() => undefined)
      .finally(() => this.reload());
  }

  update(view: EditorView, prev: EditorView['state']): void {
    if (view.state.doc !== prev.doc) this.schedule();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.offRules();
    this.offSettings();
    this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private schedule(delay = this.options.delayMs ?? 350): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), delay);
  }

  private check(): void {
    this.timer = null;
    if (!this.configured) return;
    if (this.view.composing) return this.schedule(250);
    const doc = this.view.state.doc;
    const paragraphs = documentParagraphs(doc);
    const id = ++this.requestId;
    this.agencyTag = printedAgencyTag(this.options.settings.get()?.agencyTag, this.profileAgencyTag);
    this.requested = { id, doc, positions: new Map(paragraphs.map((p) => [`${p.part}:${p.paragraph}`, p.pos])) };
    this.post({ type: 'check', id, paragraphs, agencyTag: this.agencyTag });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'configured') {
      this.configured = true;
      this.schedule(0);
      return;
    }
    if (message.type === 'failed') return;
    const request = this.requested;
    if (!request || message.id !== request.id || this.view.state.doc !== request.doc) return;
    if (this.view.composing) return this.schedule(250);
    const ignored = ignoredInArticle(this.options.articleId);
    const findings = message.findings.filter((f) => !ignored.has(`${f.rule}|${f.text}`)).map((f) => place(f, request.positions));
    this.view.dispatch(this.view.state.tr.setMeta(proofingKey, { type: 'findings', findings } satisfies ProofingMeta).setMeta('addToHistory', false));
  }
}

function place(f: ArticleFinding, positions: Map<string, number>): PlacedFinding {
  const base = positions.get(`${f.part}:${f.paragraph}`) ?? 0;
  return { ...f, from: base + f.start, to: base + f.end, key: `${f.rule}@${base + f.start}:${f.text}` };
}
