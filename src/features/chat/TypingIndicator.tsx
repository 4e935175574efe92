/** Three pulsing dots while a reply streams (still for people who ask for reduced motion). */
export function TypingIndicator({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-accent">
      <span aria-hidden="true" className="inline-flex gap-0.5">
        {[0, 150, 300].map((delay) => (
          <span
            key={delay}
            className="size-1.5 rounded-full bg-current motion-safe:animate-pulse"
            style={{ animationDelay: `${delay}ms` }}
          />
        ))}
      </span>
      {label}
    </span>
  );
}
