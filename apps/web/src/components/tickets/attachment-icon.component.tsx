// A paper-clip drawn as SVG (the 📎 emoji rendered as a tofu box or an unreadable glyph on some
// systems); labelled for screen readers unless the text next to it already says what it is.
export function AttachmentIcon({ label, size = 16 }: { label?: string; size?: number }) {
  return (
    <svg
      class="attachment-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      data-testid="attachment-icon"
    >
      {label && <title>{label}</title>}
      <path
        d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
