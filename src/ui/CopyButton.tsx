import { Check } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './Button';
import { IconButton } from './IconButton';
import { copyText } from './copyText';
import { toast } from './toastStore';
import { useT } from '../i18n/useT';

interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  text: () => string;
  /** The button's accessible name; it stays the same after copying. */
  label: string;
  /** What the button shows before it is pressed (default: Copy, in the app's language). */
  idleText?: string;
  /** Shown instead of the words: the icon alone, a check once copied. */
  icon?: ReactNode;
}

/** A copy button that confirms on itself and with a toast (announced politely). */
export function CopyButton({ text, label, idleText, icon, ...rest }: CopyButtonProps) {
  const t = useT().ui;
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    const ok = await copyText(text());
    setState(ok ? 'copied' : 'failed');
    toast(ok ? t.copiedToast : t.copyFailedToast);
  };
  if (icon) {
    return (
      <IconButton label={label} onClick={copy} {...rest}>
        <span aria-hidden="true">{state === 'copied' ? <Check size={16} /> : icon}</span>
      </IconButton>
    );
  }
  return (
    <Button aria-label={label} title={label} onClick={copy} {...rest}>
      <span aria-hidden="true">{state === 'copied' ? t.copied : state === 'failed' ? t.copyFailed : (idleText ?? t.copy)}</span>
    </Button>
  );
}
