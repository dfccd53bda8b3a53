import type { ReactNode } from 'react';

/** A modal view over the window (compare, revision, export): Escape closes it. */
export function FullView({ label, className, onClose, children }: { label: string; className: string; onClose: () => void; children: ReactNode }) {
  return (
    <div className="zd-dialog-backdrop" role="presentation" onKeyDown={(event) => { if (event.key === 'Escape') onClose(); }}>
      <div className={`zd-dialog ${className}`} role="dialog" aria-modal="true" aria-label={label}>
        {children}
      </div>
    </div>
  );
}
