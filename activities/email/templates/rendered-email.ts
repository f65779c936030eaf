/** An email ready to send: the same content as plain text and as HTML. */
export type RenderedEmail = { subject: string; text: string; html: string; calendar?: CalendarPart; attachments?: EmailAttachment[] };

/** A document sent with the email (an audit's subprocessor list, a certificate of deletion as PDF), named as the reader saves it. */
export type EmailAttachment = { filename: string; contentType: string; content: string | Buffer };

/**
 * An iCalendar invitation (RFC 5546) sent with the email as its text/calendar part, which calendar
 * clients offer to add, move or remove: METHOD:REQUEST for an invitation or a new date, CANCEL to withdraw it.
 */
export type CalendarPart = { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a value for HTML text and for a double- or single-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/**
 * The building blocks of an email body. A template describes its content once as blocks, and
 * `renderEmail` writes both the text and the HTML part from them, so the two cannot drift apart
 * and every value in the HTML goes through `escapeHtml`.
 */
export type EmailBlock =
  /** Line breaks in the text are kept (a signature, a multi-line summary). */
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: readonly string[] }
  /** Labelled facts: the incident id, dates, counts. */
  | { kind: 'facts'; rows: ReadonlyArray<{ label: string; value: string }> }
  /** A link the reader is asked to follow; shown as a button in HTML, as "label: url" in text. */
  | { kind: 'action'; label: string; url: string }
  /** Small print, such as a confidentiality note. */
  | { kind: 'note'; text: string };

export type EmailContent = {
  /** The HTML `lang` attribute, and French spacing before a colon in the text part. */
  language: string;
  subject: string;
  blocks: readonly EmailBlock[];
};

export function renderEmail(content: EmailContent): RenderedEmail {
  return {
    subject: content.subject,
    text: renderText(content),
    html: renderHtml(content),
  };
}

function renderText({ language, blocks }: EmailContent): string {
  // French puts a (non-breaking) space before a colon.
  const colon = language === 'fr' ? '\u00a0: ' : ': ';
  const indent = (text: string) => text.replace(/\n/g, '\n  ');
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
      case 'note':
        return block.text;
      case 'heading':
        return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 72))}`;
      case 'list':
        return block.items.map((item) => `- ${indent(item)}`).join('\n');
      case 'facts':
        return block.rows.map((row) => `${row.label}${colon}${indent(row.value)}`).join('\n');
      case 'action':
        return `${block.label}${colon}${block.url}`;
    }
  });
  return `${parts.join('\n\n')}\n`;
}

// Inline styles only: many mail clients drop <style> elements.
const style = {
  body: 'margin:0;padding:0;background-color:#f4f5f7;',
  container:
    'max-width:640px;margin:0 auto;padding:24px 28px;background-color:#ffffff;' +
    'font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;',
  heading: 'font-size:17px;line-height:1.3;margin:24px 0 8px;color:#102a43;',
  paragraph: 'margin:0 0 12px;',
  list: 'margin:0 0 12px;padding-left:22px;',
  listItem: 'margin:0 0 4px;',
  facts: 'border-collapse:collapse;width:100%;margin:0 0 16px;background-color:#f0f4f8;',
  factLabel: 'text-align:left;vertical-align:top;padding:6px 12px;font-weight:bold;width:40%;',
  factValue: 'text-align:left;vertical-align:top;padding:6px 12px;',
  action:
    'display:inline-block;padding:10px 18px;background-color:#1f4e79;color:#ffffff;' +
    'text-decoration:none;border-radius:4px;font-weight:bold;',
  note: 'margin:20px 0 0;font-size:13px;color:#52606d;',
} as const;

/** Escaped, with line breaks kept. */
function htmlText(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>\n');
}

function renderHtml({ language, subject, blocks }: EmailContent): string {
  const body = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return `<p style="${style.paragraph}">${htmlText(block.text)}</p>`;
      case 'note':
        return `<p style="${style.note}">${htmlText(block.text)}</p>`;
      case 'heading':
        return `<h2 style="${style.heading}">${htmlText(block.text)}</h2>`;
      case 'list':
        return [
          `<ul style="${style.list}">`,
          ...block.items.map((item) => `<li style="${style.listItem}">${htmlText(item)}</li>`),
          '</ul>',
        ].join('\n');
      case 'facts':
        return [
          `<table role="presentation" style="${style.facts}">`,
          ...block.rows.map(
            (row) =>
              `<tr><th scope="row" style="${style.factLabel}">${htmlText(row.label)}</th>` +
              `<td style="${style.factValue}">${htmlText(row.value)}</td></tr>`,
          ),
          '</table>',
        ].join('\n');
      case 'action':
        // Only web links become clickable; anything else (javascript:, data:) is shown as text.
        return /^https?:\/\//i.test(block.url)
          ? `<p style="${style.paragraph}"><a href="${escapeHtml(block.url)}" style="${style.action}">${htmlText(block.label)}</a></p>`
          : `<p style="${style.paragraph}">${htmlText(block.label)}: ${htmlText(block.url)}</p>`;
    }
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(subject)}</title>`,
    '</head>',
    `<body style="${style.body}">`,
    `<div style="${style.container}">`,
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
