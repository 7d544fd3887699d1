/**
 * The peer: vscode-markdown-languageservice with markdown-it as its parser, set up the way
 * vscode-markdown-languageserver sets it up (`createLanguageService({ workspace, parser, logger })`,
 * a parser with the service's GitHub slugifier and a `tokenize` that runs markdown-it), over an
 * in-memory workspace of Markdown documents.
 */
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import type * as md from 'vscode-markdown-languageservice' with { 'resolution-mode': 'import' };

type MdModule = typeof md;
let loaded: MdModule | undefined;

/** The service is an ES module: loaded once, on first use. */
export async function loadPeer(): Promise<MdModule> {
  loaded ??= (await import('vscode-markdown-languageservice')) as MdModule;
  return loaded;
}

const noEvent = () => ({ dispose() {} });

/** A workspace whose documents are all in memory. */
export class MemoryWorkspace implements md.IWorkspace {
  readonly #docs = new Map<string, TextDocument>();
  readonly #root: URI;

  constructor(root: string, docs: Iterable<TextDocument> = []) {
    this.#root = URI.file(root);
    for (const d of docs) this.#docs.set(d.uri, d);
  }

  get workspaceFolders(): readonly URI[] {
    return [this.#root];
  }

  readonly onDidChangeMarkdownDocument = noEvent;
  readonly onDidCreateMarkdownDocument = noEvent;
  readonly onDidDeleteMarkdownDocument = noEvent;

  async getAllMarkdownDocuments(): Promise<Iterable<TextDocument>> {
    return this.#docs.values();
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.#docs.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<TextDocument | undefined> {
    return this.#docs.get(resource.toString());
  }

  async stat(resource: URI): Promise<md.FileStat | undefined> {
    const s = resource.toString();
    if (this.#docs.has(s)) return { isDirectory: false };
    const prefix = s.endsWith('/') ? s : `${s}/`;
    for (const k of this.#docs.keys()) if (k.startsWith(prefix)) return { isDirectory: true };
    return undefined;
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, md.FileStat]>> {
    const prefix = resource.toString().replace(/\/?$/, '/');
    const out = new Map<string, md.FileStat>();
    for (const k of this.#docs.keys()) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      const slash = rest.indexOf('/');
      out.set(slash < 0 ? rest : rest.slice(0, slash), { isDirectory: slash >= 0 });
    }
    return out.entries();
  }
}

export interface Peer {
  readonly service: md.IMdLanguageService;
  dispose(): void;
}

/** A fresh language service (fresh caches) over `workspace`. */
export async function createPeer(workspace: md.IWorkspace): Promise<Peer> {
  const m = await loadPeer();
  const engine = MarkdownIt({ html: true });
  const parser: md.IMdParser = {
    slugifier: m.githubSlugifier,
    tokenize: async (doc) => engine.parse(doc.getText(), {}),
  };
  const logger: md.ILogger = { level: m.LogLevel.Off, log() {} };
  const service = m.createLanguageService({ workspace, parser, logger });
  return { service, dispose: () => service.dispose() };
}

export function markdownDocument(uri: string, text: string, version = 1): TextDocument {
  return TextDocument.create(uri, 'markdown', version, text);
}

export const token = () => new CancellationTokenSource().token;
