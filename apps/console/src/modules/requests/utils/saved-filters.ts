import { normalise, type QueueFilters } from './queue-filters';

export interface SavedFilter {
  name: string;
  filters: QueueFilters;
}

const keyFor = (username: string) => `govdesk.requests.savedFilters.${username}`;

/** A user's named queue filters, kept in this browser's localStorage. */
export function loadSavedFilters(username: string): SavedFilter[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(keyFor(username)) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((f): f is { name: string; filters: Partial<QueueFilters> } => typeof f?.name === 'string' && typeof f?.filters === 'object')
      .map((f) => ({ name: f.name, filters: normalise(f.filters) }));
  } catch {
    return [];
  }
}

export function storeSavedFilters(username: string, filters: SavedFilter[]): void {
  localStorage.setItem(keyFor(username), JSON.stringify(filters));
}

/** Adds or replaces (by name) a saved filter; returns the new list. */
export function upsertSavedFilter(list: SavedFilter[], entry: SavedFilter): SavedFilter[] {
  return [...list.filter((f) => f.name !== entry.name), entry];
}
