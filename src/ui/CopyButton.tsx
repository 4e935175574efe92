import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './Button';
import { copyText } from './copyText';

interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  text: () => string;
  /** The button's accessible name; it stays the same after copying. */
  label: string;
}

/** A copy button that confirms with visible text and a polite announcement. */
export function CopyButton({ text, label, ...rest }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <>
      <Button aria-label={label} onClick={async () => setState((await copyText(text())) ? 'copied' : 'failed')} {...rest}>
        <span aria-hidden="true">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
      </Button>
      <span className="sr-only" role="status">
        {state === 'copied' ? 'Copied to clipboard' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  );
}
