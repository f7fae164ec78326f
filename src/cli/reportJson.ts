/**
 * The report as JSON text in pieces: exactly `JSON.stringify(report, null, 2)`, but a million-row report
 * is far longer than the longest string V8 can build (≈ 512 MB), so its long arrays are written element
 * by element and the text handed out in pieces of about `pieceChars` (small enough that a piece is
 * written before the garbage collector would move its parts to the old generation).
 */
export function* reportJsonPieces(report: object, pieceChars = 1 << 16): Generator<string> {
  let buffer = '';
  const emit = function* (text: string): Generator<string> {
    buffer += text;
    if (buffer.length >= pieceChars) {
      yield buffer;
      buffer = '';
    }
  };
  const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);
  const entries = Object.entries(report).filter(([, v]) => v !== undefined && typeof v !== 'function');
  yield* emit('{');
  for (const [i, [key, value]] of entries.entries()) {
    yield* emit(`${i ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length > 0) {
      yield* emit('[');
      for (const [j, item] of value.entries()) yield* emit(`${j ? ',' : ''}\n    ${indent(JSON.stringify(item, null, 2) ?? 'null', '    ')}`);
      yield* emit('\n  ]');
    } else {
      yield* emit(indent(JSON.stringify(value, null, 2), '  '));
    }
  }
  yield* emit(entries.length ? '\n}' : '}');
  if (buffer) yield buffer;
}
