import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show: (text: string, action?: Toast['action'], ms?: number) => void;
  dismiss: (id: number) => void;
}

let next = 1;

/** Short confirmations (copied, exported, deleted — with Undo), announced politely. */
export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show(text, action, ms = action ? 8000 : 3000) {
    const id = next++;
    set((s) => ({ toasts: [...s.toasts.slice(-2), { id, text, ...(action ? { action } : {}) }] }));
    setTimeout(() => get().dismiss(id), ms);
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

export const toast = (text: string, action?: Toast['action']) => useToastStore.getState().show(text, action);
