/** True for the characters JavaScript's `\s` matches. */
function isWhitespace(code: number): boolean {
  if (code > 0x20 && code < 0xa0) return false;
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Measures text in one pass without allocating: `length` in characters (Unicode code points,
 * so an emoji counts once) and `tokens`, the runs of non-whitespace. One instance is reused
 * for every value; read the fields right after `measure`.
 */
export class TextMeasure {
  /** Code points of the last text measured. */
  length = 0;
  /** Whitespace-separated tokens of the last text measured. */
  tokens = 0;

  /** Measures `text` into `length` and `tokens`. */
  measure(text: string): void {
    let tokens = 0;
    let pairs = 0;
    let inToken = false;
    let previous = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (isWhitespace(code)) {
        inToken = false;
      } else {
        if (!inToken) tokens += 1;
        inToken = true;
        if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) pairs += 1;
      }
      previous = code;
    }
    this.length = text.length - pairs;
    this.tokens = tokens;
  }
}
