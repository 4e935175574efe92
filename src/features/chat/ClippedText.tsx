import { useI18n } from '../../i18n/useT';

/** Plain text shown at most: laid out whole, a huge message (its lines, mostly) would freeze the page. */
const PLAIN_SHOWN = 20_000;

/** A message's plain text, its first PLAIN_SHOWN characters, and how many more there are (Copy copies them all). */
export function ClippedText({ text, className }: { text: string; className: string }) {
  const { t, f } = useI18n();
  if (text.length <= PLAIN_SHOWN) return <p className={className}>{text}</p>;
  return (
    <>
      <p className={className}>{text.slice(0, PLAIN_SHOWN)}</p>
      <p className="mt-1 text-2xs text-ink-muted">{t.chat.moreNotShown(f.number(text.length - PLAIN_SHOWN))}</p>
    </>
  );
}
