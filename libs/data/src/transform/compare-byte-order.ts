/**
 * Compares two strings in the order of their UTF-8 bytes (which is also Unicode code-point
 * order), returning a negative number, zero or a positive number like `Array.prototype.sort`
 * expects. JavaScript's `<` compares UTF-16 code units instead, which puts characters above
 * U+FFFF (emoji, rare CJK) before U+E000–U+FFFF; vocabularies sorted with this comparator sort
 * the same way in any language that compares bytes.
 */
export function compareByteOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    let x = a.charCodeAt(index);
    let y = b.charCodeAt(index);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (D800–DFFF) encode code points above FFFF, so they must sort after E000–FFFF.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
