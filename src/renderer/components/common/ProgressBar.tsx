// A thin progress bar with its value exposed to assistive technology.
export function ProgressBar({
  percent,
  label,
  tone = 'busy',
}: {
  percent: number;
  label: string;
  tone?: string;
}) {
  return (
    <div
      className={`progress progress--${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      {/* CSSOM width (not a style attribute in HTML), which the CSP allows. */}
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
