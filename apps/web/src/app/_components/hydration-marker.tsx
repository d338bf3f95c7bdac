'use client';

import { useEffect } from 'react';

/** Marks <html data-hydrated> once the app is interactive; end-to-end tests wait for it. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
