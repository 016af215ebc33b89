/** Offsets to line and column in a source text, and back. Lines and columns are 1-based, in UTF-16 units. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export class SourceIndex {
  readonly #lineStarts: number[] = [0];

  /**
   * Lines end as CommonMark (and micromark's positions) end them: at "\n", "\r\n" or a lone "\r".
   * So in a file saved with old Mac line ends, or with "\r\r\n", findings point at the lines an
   * editor, SARIF viewers and GitHub's annotations show.
   */
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.#lineStarts.push(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) this.#lineStarts.push(i + 1);
    }
  }

  pointAt(offset: number): Point {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
  }
}
