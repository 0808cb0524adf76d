/**
 * Valid, unique layer names for model inputs named after data columns, in the same order.
 * Column names may hold spaces, punctuation or non-ASCII letters, which TF.js rejects in layer
 * and weight names; each run of such characters becomes one `_`, and a name that is already
 * taken gets `_2`, `_3`, … so the result depends only on the names and their order.
 */
export function inputLayerNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const readable = name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    const base = `input_${readable === '' ? 'unnamed' : readable}`;
    let candidate = base;
    for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${base}_${suffix}`;
    taken.add(candidate);
    return candidate;
  });
}
