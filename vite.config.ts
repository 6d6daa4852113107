import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import { mdxCompileOptions } from './src/book/build/mdxOptions.ts';
import { bookPlugins } from './src/book/build/vitePlugins.ts';
import { mnistData } from './src/build/mnist.ts';

const root = import.meta.dirname;

/** `BASE_PATH=/book/` (or `/book`) serves the site under a sub-path; default `/`. */
function basePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig(({ mode, isSsrBuild }) => ({
  base: basePath(process.env.BASE_PATH),
  plugins: [
    // MDX first, so React's plugin sees JavaScript (and fast refresh works on chapters).
    { enforce: 'pre' as const, ...mdx({ ...mdxCompileOptions(), include: /\.mdx$/ }) },
    react({ include: /\.(mdx|[jt]sx?)$/ }),
    ...bookPlugins({ root, mode, isSsrBuild: Boolean(isSsrBuild) }),
    // MNIST as compact binaries in public/data/, converted from the `mnist` package when missing or stale.
    mnistData(),
  ],
  build: {
    target: 'es2022',
    // Pre-rendering reads it to preload each chapter's code from its page (then deletes it).
    manifest: !isSsrBuild,
    // Mermaid's largest lazy chunk is ~660 kB; it is fetched only by pages with a diagram.
    chunkSizeWarningLimit: 700,
  },
}));
