import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use, so the side panel's first
 * paint (the feed from the cache) does not wait for views it may never
 * open: clip detail with the sanitiser, publishing, review, activity.
 * `preload` fetches the code ahead of need, once the panel is idle.
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().then((component) => (loaded = component));
    return loading;
  };

  function LazyView(props: P) {
    const [Component, setComponent] = useState(() => loaded);

    useEffect(() => {
      if (Component) return;
      preload()
        .then((component) => setComponent(() => component))
        .catch((error) =>
          console.error('[peerclip] A view could not be loaded.', error),
        );
    }, [Component]);

    if (!Component) {
      return (
        <p class="hint" role="status">
          Loading…
        </p>
      );
    }
    return <Component {...props} />;
  }

  return Object.assign(LazyView, { preload });
}
