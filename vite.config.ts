import { createHash } from 'node:crypto';
import { defineConfig, type Plugin, type Rollup } from 'vite';
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

type Transformed = Rollup.TransformResult;
const compiled = ((globalThis as { __bookMdxCompiled?: Map<string, Promise<Transformed>> }).__bookMdxCompiled ??= new Map());

/**
 * One compile of each chapter per `vite build` process: the client build and the pre-render's server
 * build (prerender.ts, in the same process) compile the same MDX with the same plugins, and the
 * compile (highlighting, typesetting, worked numbers) is most of a build's time. Keyed by the mode,
 * the file and its text; the dev server always compiles afresh.
 */
function compileOncePerBuild(plugin: Plugin & { transform(code: string, id: string): Promise<Transformed> }): Plugin {
  let cache: Map<string, Promise<Transformed>> | null = null;
  let mode = '';
  return {
    ...plugin,
    config(config, env) {
      cache = env.command === 'build' ? compiled : null;
      mode = env.mode;
      return (plugin.config as ((c: typeof config, e: typeof env) => void) | undefined)?.(config, env);
    },
    transform(code, id) {
      if (!cache) return plugin.transform(code, id);
      const key = `${mode}\0${id}\0${createHash('sha1').update(code).digest('hex')}`;
      let result = cache.get(key);
      if (!result) {
        result = plugin.transform(code, id);
        cache.set(key, result);
        result.catch(() => cache?.delete(key));
      }
      return result;
    },
  };
}

export default defineConfig(({ command, mode, isSsrBuild }) => ({
  base: basePath(process.env.BASE_PATH),
  plugins: [
    // MDX first, so React's plugin sees JavaScript (and fast refresh works on chapters).
    { enforce: 'pre' as const, ...compileOncePerBuild(mdx({ ...mdxCompileOptions({ staticHtml: command === 'build' ? 'page' : 'inline' }), include: /\.mdx$/ }) as Parameters<typeof compileOncePerBuild>[0]) },
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
