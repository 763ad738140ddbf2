// Text with marked ranges, rendered as text nodes and <mark> elements only.
import { splitByRanges } from './segments';

interface Props {
  text: string;
  ranges: readonly (readonly [number, number])[];
  /** Extra content per marked range (e.g. a highlight's comment as its title). */
  titleOf?: (range: number) => string | undefined;
}

/** Renders `text` with its ranges in <mark>. */
export function MarkedText({ text, ranges, titleOf }: Props) {
  return (
    <>
      {splitByRanges(text, ranges).map((segment, i) =>
        segment.isMarked ? (
          <mark key={i} title={titleOf?.(segment.range)}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
