import { memo, useEffect, useRef, type ReactElement } from 'react';
import { EMPTY_SPLIT, splitBlocks } from './blocks';
import { MATH_OPENERS } from './spans';
import { repairTail } from './repairTail';
import { StreamingContext } from './CodeBlock';
import { loadMath } from './useMath';
import { useHeldRuns } from './useHeldRuns';
import { Block } from './Block';
import { BlockRun, EAGER_BLOCKS, RUN } from './BlockRun';
import { warmUpWith } from './warmUp';

/**
 * A reply's markdown, rendered incrementally: only the growing last block is parsed again.
 * `eager`: its last blocks are parsed at once (the latest reply, where a conversation opens,
 * and a streaming one); another reply's blocks are parsed as they come within reach of the view.
 */
const Markdown = memo(function Markdown({ text, streaming = false, eager = true }: { text: string; streaming?: boolean; eager?: boolean }) {
  const split = useRef(EMPTY_SPLIT);
  split.current = splitBlocks(text, split.current);
  const { blocks } = split.current;
  const finished = streaming ? blocks.length - 1 : blocks.length;
  // Math has begun in the streaming tail: its plugins load while the rest of it arrives.
  const mathBegun = streaming && blocks.length > 0 && MATH_OPENERS.some((opener) => blocks[blocks.length - 1]!.includes(opener));
  useEffect(() => void (mathBegun && loadMath()), [mathBegun]);
  const { from, to } = useHeldRuns(Math.ceil(finished / RUN));
  const runs: ReactElement[] = [];
  for (let start = 0; start < finished; start += RUN) {
    if (start >= from * RUN && start < to * RUN) continue;
    const end = Math.min(start + RUN, finished);
    runs.push(
      <BlockRun key={start} blocks={blocks.slice(start, end)} eager={(eager || streaming) && end > blocks.length - EAGER_BLOCKS} />,
    );
  }
  return (
    <StreamingContext.Provider value={streaming}>
      <div className="prose-reply">
        {runs}
        {streaming && blocks.length > 0 && (
          <div className="md-block">
            <Block text={repairTail(blocks[blocks.length - 1]!)} tail />
          </div>
        )}
      </div>
    </StreamingContext.Provider>
  );
});

/** Warms the renderer up for the first reply (see warmUp.tsx): in this chunk, loaded with it. */
export const warmUp = (): void => warmUpWith(Markdown);

export default Markdown;
