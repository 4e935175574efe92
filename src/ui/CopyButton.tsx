import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './Button';
import { copyText } from './copyText';
import { toast } from './toastStore';

interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  text: () => string;
  /** The button's accessible name; it stays the same after copying. */
  label: string;
  /** What the button shows before it is pressed (default "Copy"). */
  idleText?: string;
}

/** A copy button that confirms on itself and with a toast (announced politely). */
export function CopyButton({ text, label, idleText = 'Copy', ...rest }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <Button
      aria-label={label}
      onClick={async () => {
        const ok = await copyText(text());
        setState(ok ? 'copied' : 'failed');
        toast(ok ? 'Copied to clipboard.' : 'Could not copy: the browser refused access to the clipboard.');
      }}
      {...rest}
    >
      <span aria-hidden="true">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : idleText}</span>
    </Button>
  );
}
