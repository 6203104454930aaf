/// <reference lib="webworker" />
/**
 * The proofing Web Worker: dictionaries are parsed here, once, off the typing
 * path, and every check runs here. It answers {@link ToWorker} messages.
 */
import nspell from 'nspell';
import viAff from '../../../../../../node_modules/dictionary-vi/index.aff?raw';
import viDic from '../../../../../../node_modules/dictionary-vi/index.dic?raw';
import enAff from '../../../../../../node_modules/dictionary-en/index.aff?raw';
import enDic from '../../../../../../node_modules/dictionary-en/index.dic?raw';
import type { Speller } from '../../../../../shared/proofing/spelling';
import { ProofingSession, type ToWorker } from './protocol';

const once = (make: () => Speller) => {
  let made: Speller | null = null;
  return () => (made ??= make());
};

const session = new ProofingSession({ vi: once(() => nspell({ aff: viAff, dic: viDic })), en: once(() => nspell({ aff: enAff, dic: enDic })) });

self.onmessage = (event: MessageEvent<ToWorker>) => {
  self.postMessage(session.handle(event.data));
};
