import fc from 'fast-check';

/**
 * The text rule as a property: for every string, an event text is accepted exactly when, once CRLF
 * is read as LF, it holds no control character other than tab and line feed and no lone UTF-16
 * surrogate (and is not empty). The oracle below is written from that rule, not from the code.
 */
export function storableText(text: string): boolean {
  const normalised = text.split('\r\n').join('\n');
  for (let i = 0; i < normalised.length; i += 1) {
    const unit = normalised.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a) || unit === 0x7f) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = normalised.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1; // the pair's low half
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** Strings rich in what matters: controls, CR and LF, both surrogate halves, pairs, and anything else. */
export const anyText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', 'Z', ' ', 'é', '€', '😀', '\t', '\n', '\r', '\r\n', '\u00a0', '\u0085', '\u2028') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x20 }).map((unit) => String.fromCharCode(unit)) },
    { weight: 1, arbitrary: fc.constantFrom('\u007f', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) },
  ),
  maxLength: 30,
});

/** Texts the rule accepts (but for blanks), beyond ASCII: what a round trip through the records must keep. */
export const storableLookingText = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    ' ',
    'é',
    '€',
    '😀',
    '\t',
    '\n',
    '\r\n',
    '\u00a0',
    '\u0085',
    '\u2028',
    '\ufeff',
    '\uffff',
    '\\',
    '"',
    "'",
  ),
  minLength: 1,
  maxLength: 30,
});
