/**
 * The blocks a renderer writes most, by name, so that an email's structure reads as a list of what it
 * says: `paragraph(copy.intro)`, `...section(copy.measures, text)`, `factsTable(rows)`.
 */
import type { EmailBlock } from '../rendered-email';

export type FactRow = { label: string; value: string };

export function paragraph(text: string): EmailBlock {
  return { kind: 'paragraph', text };
}

/** One paragraph for each text, in order. */
export function paragraphs(...texts: readonly string[]): EmailBlock[] {
  return texts.map(paragraph);
}

export function heading(text: string): EmailBlock {
  return { kind: 'heading', text };
}

/** A heading and the paragraphs under it. */
export function section(title: string, ...texts: readonly string[]): EmailBlock[] {
  return [heading(title), ...paragraphs(...texts)];
}

export function list(items: readonly string[]): EmailBlock {
  return { kind: 'list', items };
}

/** Small print, such as a confidentiality note. */
export function note(text: string): EmailBlock {
  return { kind: 'note', text };
}

export function factsTable(rows: readonly FactRow[]): EmailBlock {
  return { kind: 'facts', rows };
}

/** The row of a fact that may be absent: no row at all while it is; `show` writes the value when it is there. */
export function optionalRow(label: string, value: string | undefined): FactRow[];
export function optionalRow<T>(label: string, value: T | undefined, show: (value: T) => string): FactRow[];
export function optionalRow<T>(label: string, value: T | undefined, show?: (value: T) => string): FactRow[] {
  if (value === undefined) return [];
  return [{ label, value: show ? show(value) : String(value) }];
}
