import { memo, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Block } from './Block';
import { whenNear } from './nearViewport';

/**
 * Blocks this close to the end are parsed at once: they are what a person sees of a
 * streaming reply (or of one just opened, scrolled to its end), and must not flash raw.
 */
export const EAGER_BLOCKS = 8;
/** Finished blocks go in runs of this many: a frame compares a few runs, not every block. */
export const RUN = 8;

// `eager` is read only when a run's blocks change, so a run that ages out of it need not render again.
const sameBlocks = (a: { blocks: string[] }, b: { blocks: string[] }) =>
  a.blocks.length === b.blocks.length && a.blocks.every((text, i) => text === b.blocks[i]);

/**
 * A run of finished blocks. Far from view its blocks are their plain text in one box
 * (searchable, selectable, read by screen readers, and a fraction of the elements)
 * until it comes within reach; then each block is parsed, once. A block that joins the
 * run later is parsed at once only while the run is among the last blocks: a fast
 * stream has often carried the run far out of view by then, and it waits for reach again.
 */
export const BlockRun = memo(function BlockRun({ blocks, eager }: { blocks: string[]; eager: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  /** How many of its blocks are parsed. */
  const [parsed, setParsed] = useState(eager ? blocks.length : 0);
  if (eager && parsed < blocks.length) setParsed(blocks.length);
  // Rendered within the upgrade's own slice of time (see whenNear), not batched with others.
  useEffect(
    () => (parsed >= blocks.length || !box.current ? undefined : whenNear(box.current, () => flushSync(() => setParsed(blocks.length)))),
    [parsed, blocks.length],
  );
  const waiting = parsed < blocks.length && (
    <div ref={box} className="md-run whitespace-pre-wrap">
      {blocks.slice(parsed).join('\n\n')}
    </div>
  );
  if (!parsed) return waiting;
  return (
    <div>
      {blocks.slice(0, parsed).map((text, i) => (
        // Each block is its own box: off-screen ones skip layout and paint (content-visibility).
        <div key={i} className="md-block">
          <Block text={text} tail={false} />
        </div>
      ))}
      {waiting}
    </div>
  );
}, sameBlocks);
