/**
 * The parse result of the active page as a tree beside the text, for developers: every node
 * of the model, each leaf showing its value, and a click selecting the source range it came
 * from. It follows the active editor and refreshes as the page is edited.
 */
import * as vscode from 'vscode';

/** An LSP range as the server sends it. */
interface WireRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

interface Node {
  readonly label: string;
  readonly value: unknown;
  readonly range?: WireRange;
}

const isRange = (v: unknown): v is WireRange =>
  typeof v === 'object' && v !== null && 'start' in v && 'end' in v && typeof (v as WireRange).start?.line === 'number';

/** The range a model node points at: its own `range`, `bodyRange` or `headlineRange`. */
function rangeOf(value: unknown): WireRange | undefined {
  if (isRange(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  for (const key of ['range', 'headlineRange', 'bodyRange']) if (isRange(v[key])) return v[key] as WireRange;
  return undefined;
}

/** A short name for an element of a list: its headline, caption, text or name. */
function nameOf(value: unknown, index: number): string {
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    for (const key of ['headline', 'title', 'name', 'text', 'caption']) if (typeof v[key] === 'string') return `${index}: ${v[key] as string}`;
    if ('kind' in v) return `${index}: ${String(v.kind)}`;
  }
  return String(index);
}

export class ParseTree implements vscode.TreeDataProvider<Node> {
  static readonly viewId = 'galley.parseTree';
  readonly #changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  #document: vscode.Uri | undefined;
  #result: unknown = null;

  constructor(private readonly request: (uri: string) => Promise<unknown>) {}

  /** Shows the parse result of this page (or clears the view). */
  async show(document: vscode.Uri | undefined): Promise<void> {
    this.#document = document;
    this.#result = document ? await this.request(document.toString()) : null;
    this.#changed.fire(undefined);
  }

  get document(): vscode.Uri | undefined {
    return this.#document;
  }

  getChildren(node?: Node): Node[] {
    const value = node ? node.value : this.#result;
    if (Array.isArray(value)) return value.map((v, i) => ({ label: nameOf(v, i), value: v, range: rangeOf(v) }));
    if (typeof value === 'object' && value !== null) {
      return Object.entries(value)
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => ({ label: k, value: v, range: rangeOf(v) }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const leaf = typeof node.value !== 'object' || node.value === null || isRange(node.value);
    const item = new vscode.TreeItem(node.label, leaf ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    if (leaf) item.description = isRange(node.value) ? `${node.value.start.line + 1}:${node.value.start.character + 1}–${node.value.end.line + 1}:${node.value.end.character + 1}` : String(node.value);
    else if (Array.isArray(node.value)) item.description = `${node.value.length}`;
    if (node.range && this.#document) {
      const r = node.range;
      item.command = {
        command: 'vscode.open',
        title: 'Show in page',
        arguments: [this.#document, { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), preserveFocus: false }],
      };
      item.tooltip = `${node.label} — line ${r.start.line + 1}`;
    }
    return item;
  }
}
