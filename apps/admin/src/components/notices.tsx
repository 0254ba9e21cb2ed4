import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type NoticeKind = 'success' | 'error';

interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

type Notify = (text: string, kind?: NoticeKind) => void;

const NoticeContext = createContext<Notify>(() => {});

/** Short messages after an action ("Key blocked."), announced to screen readers; errors stay until dismissed. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);
  const notify = useCallback<Notify>(
    (text, kind = 'success') => {
      const id = next.current++;
      setNotices((current) => [...current.slice(-3), { id, kind, text }]);
      if (kind === 'success') setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.kind}`}>
            <span>{notice.text}</span>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext);
}
