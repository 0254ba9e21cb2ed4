// The signed-in key lives in sessionStorage: it survives a reload but not the tab, and is never written elsewhere.
const storageKey = 'switchyard.console.key';

export function readSessionKey(storage: Storage = sessionStorage): string | undefined {
  const key = storage.getItem(storageKey);
  return key === null || key === '' ? undefined : key;
}

export function saveSessionKey(key: string, storage: Storage = sessionStorage): void {
  storage.setItem(storageKey, key);
}

export function clearSessionKey(storage: Storage = sessionStorage): void {
  storage.removeItem(storageKey);
}
