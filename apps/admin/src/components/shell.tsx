import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { useSession } from '../api/session-context';

export const navigation = [
  { path: '/keys', label: 'Keys' },
  { path: '/teams', label: 'Teams & users' },
  { path: '/models', label: 'Models' },
  { path: '/spend', label: 'Spend' },
  { path: '/logs', label: 'Logs' },
  { path: '/mcp', label: 'MCP & agents' },
] as const;

function NavLink({ path, label }: { path: string; label: string }) {
  const [active] = useRoute(`${path}/*?`);
  return (
    <Link href={path} className="nav-link" aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/** The frame around every page: a skip link, the navigation, sign out, and the main landmark. */
export function Shell({ children }: { children: ReactNode }) {
  const { signOut } = useSession();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Switchyard</span>
        <nav aria-label="Console" className="nav">
          {navigation.map((item) => (
            <NavLink key={item.path} {...item} />
          ))}
        </nav>
        <button type="button" className="button sign-out" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
    </div>
  );
}
