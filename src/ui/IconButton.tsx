import { Button, type ButtonProps } from './Button';

const SQUARE = { sm: 'h-8 w-8 px-0', md: 'h-9 w-9 px-0' } as const;

/** A button that shows only an icon: its label is both its accessible name and its tooltip. */
export function IconButton({ label, size = 'sm', className = '', ...rest }: Omit<ButtonProps, 'aria-label' | 'title'> & { label: string }) {
  return <Button variant="ghost" size={size} aria-label={label} title={label} className={`${SQUARE[size]} ${className}`} {...rest} />;
}
