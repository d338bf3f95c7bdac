import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/trpc/client';
import { Header } from './_components/header';
import { ToastProvider } from './_components/toast';
import { HydrationMarker } from './_components/hydration-marker';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Shop', template: '%s · Shop' },
  description: 'A small shop: browse the catalog, fill a cart, check out.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <HydrationMarker />
        <TRPCReactProvider>
          <ToastProvider>
            <Header />
            <main id="main" className="container" tabIndex={-1}>
              {children}
            </main>
            <footer className="site-footer">
              <div className="container">Demo shop · prices in KRW · cards are simulated</div>
            </footer>
          </ToastProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
