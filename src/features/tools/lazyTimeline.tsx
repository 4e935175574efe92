import { lazy, Suspense } from 'react';
import type { ToolRoundRecord } from './ToolTimeline';

const Timeline = lazy(() => import('./ToolTimeline').then((m) => ({ default: m.ToolTimeline })));

/** The rounds of tools a reply went on from (see ToolTimeline.tsx), loaded with the first such reply. */
export function ToolTimeline({ rounds }: { rounds: readonly ToolRoundRecord[] }) {
  return (
    <Suspense fallback={null}>
      <Timeline rounds={rounds} />
    </Suspense>
  );
}
