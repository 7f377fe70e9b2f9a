import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type FormModule = typeof import('./EntryForm');
let loaded: FormModule | undefined;
let loading: Promise<FormModule> | undefined;

/** The entry form and zod with it: not on the popup's first screen; loaded when asked, or ahead once idle. */
export function loadEntryForm(): Promise<FormModule> {
  loading ??= import('./EntryForm').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function LazyEntryForm(props: ComponentProps<FormModule['EntryForm']>) {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (!module) void loadEntryForm().then(setModule, (error) => console.error('Portavoce: the entry form did not load', error));
  }, []);
  return module ? <module.EntryForm {...props} /> : null;
}
