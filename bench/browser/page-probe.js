// Installed in the page before the app's first script (Playwright addInitScript) by the browser
// benchmark. Records, in the page's own clock (performance.now()):
//  - long tasks (PerformanceObserver 'longtask');
//  - every request to the search worker and its reply (the Worker constructor is wrapped);
//  - React commits (a minimal React DevTools hook) and DOM mutations: after each, what the results
//    show (the count "N results" and each row's data-id at its aria-posinset) is compared with the
//    worker's replies;
//  - the search box's input events: each one is "resolved" when the results first show the reply
//    to its query or to a later keystroke's query;
//  - the first moment the count and the first row are on screen (first results);
//  - when the toolbar's sync status (Loading…, Syncing…) comes and goes.
// Plain JavaScript: it is injected as is, not compiled.
(() => {
  if (window.__bench) return;
  const bench = {
    longTasks: [],
    requests: [],
    keys: [],
    commits: 0,
    firstResultsAt: null,
    isMeasuring: false,
    frames: null,
    /** The mirror's state as the toolbar shows it: [{ isBusy, at }] at every change. */
    syncStates: [],
    isBusy: null,
  };
  window.__bench = bench;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the figures stay empty.
  }

  const NativeWorker = window.Worker;
  const byId = new Map();
  window.Worker = class BenchWorker extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const reply = event.data;
        const request = reply && typeof reply.id === 'number' ? byId.get(reply.id) : undefined;
        if (!request) return;
        byId.delete(reply.id);
        request.repliedAt = performance.now();
        request.isOk = reply.ok === true;
        if (request.type === 'search' && reply.ok) {
          request.total = reply.value.total;
          request.firstId = reply.value.hits[0] ? reply.value.hits[0].id : null;
          request.ids = reply.value.hits.map((hit) => hit.id);
          request.hitCount = reply.value.hits.length;
        }
      });
    }
    postMessage(message, ...rest) {
      if (message && typeof message.id === 'number' && typeof message.type === 'string') {
        const request = { id: message.id, type: message.type, sentAt: performance.now(), repliedAt: null };
        if (message.type === 'search') {
          request.query = message.query;
          request.limit = message.options ? message.options.limit : undefined;
        }
        if (message.type === 'load' && message.bytes) request.bytes = message.bytes.byteLength;
        if (message.type === 'rebuild' && message.docs) request.docs = message.docs.length;
        bench.requests.push(request);
        byId.set(message.id, request);
      }
      return super.postMessage(message, ...rest);
    }
  };

  let countElement = null;
  const COUNT = /^(\d+) results?$/;
  function findCount() {
    if (countElement && countElement.isConnected) return countElement;
    countElement = null;
    for (const element of document.querySelectorAll('[aria-live]')) {
      if (/^(\d+ results?|Loading…)$/.test((element.textContent || '').trim())) countElement = element;
    }
    return countElement;
  }

  // What the results show now: the count and the rows in the DOM (the list is virtual: after a
  // scroll the first row shown is not the first hit). Null while no count is shown.
  function readShown() {
    const count = findCount();
    const match = count ? COUNT.exec((count.textContent || '').trim()) : null;
    if (!match) return null;
    const rows = Array.from(document.querySelectorAll('ul[aria-label="Results"] li[aria-posinset]'), (li) => ({
      position: Number(li.getAttribute('aria-posinset')),
      id: li.getAttribute('data-id'),
    }));
    return { total: Number(match[1]), rows };
  }

  // The reply is on screen: same count, and every row shown is the reply's hit at that position.
  function isShowing(reply, shown) {
    if (reply.total !== shown.total) return false;
    if (shown.total > 0 && shown.rows.length === 0) return false;
    return shown.rows.every((row) => row.position > reply.ids.length || reply.ids[row.position - 1] === row.id);
  }

  function lastReplyFor(query, after, at) {
    for (let i = bench.requests.length - 1; i >= 0; i--) {
      const r = bench.requests[i];
      if (r.type === 'search' && r.query === query && r.isOk && r.repliedAt !== null && r.repliedAt <= at && r.sentAt >= after) return r;
    }
    return null;
  }

  function resolveKeys(at, shown) {
    const keys = bench.keys;
    let newest = keys.length - 1;
    while (newest >= 0 && keys[newest].shownAt === null) {
      const key = keys[newest];
      const reply = lastReplyFor(key.query, key.after, at);
      if (reply && isShowing(reply, shown)) break;
      newest--;
    }
    for (let i = newest; i >= 0 && keys[i].shownAt === null; i--) keys[i].shownAt = at;
  }

  function readBusy() {
    for (const element of document.querySelectorAll('[role="status"]')) {
      if (/^(Loading…|Syncing…)/.test((element.textContent || '').trim())) return true;
    }
    return false;
  }

  function check() {
    const at = performance.now();
    const isBusy = readBusy();
    if (isBusy !== bench.isBusy) {
      bench.isBusy = isBusy;
      bench.syncStates.push({ isBusy, at });
    }
    const shown = readShown();
    if (!shown) return;
    if (bench.firstResultsAt === null && (shown.total === 0 || shown.rows.length > 0)) bench.firstResultsAt = at;
    resolveKeys(at, shown);
  }

  // React calls this hook on every commit (the DevTools protocol; present in production builds).
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() {
      return 1;
    },
    onScheduleFiberRoot() {},
    onCommitFiberRoot() {
      bench.commits++;
      check();
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };

  let lastKeyAt = null;
  document.addEventListener('keydown', (event) => (lastKeyAt = event.timeStamp), true);
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || target.getAttribute('aria-label') !== 'Search archive') return;
      // Characters off the US layout arrive as inserted text, with no keydown.
      const keyAt = lastKeyAt !== null && lastKeyAt <= event.timeStamp ? lastKeyAt : event.timeStamp;
      lastKeyAt = null;
      const query = target.value.trim();
      const previous = bench.keys[bench.keys.length - 1];
      // A key that leaves the query as it was (a trailing space) starts no search: the reply to the
      // previous key's query is the one that answers it.
      const after = previous && previous.query === query ? previous.after : event.timeStamp;
      bench.keys.push({ query, keyAt, inputAt: event.timeStamp, after, shownAt: null, isMeasured: bench.isMeasuring });
    },
    true,
  );

  const startObserving = () => new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  if (document.documentElement) startObserving();
  else document.addEventListener('readystatechange', startObserving, { once: true });

  bench.startFrames = () => {
    bench.frames = [];
    const record = (t) => {
      if (!bench.frames) return;
      bench.frames.push(t);
      requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  };
  bench.stopFrames = () => {
    const frames = bench.frames || [];
    bench.frames = null;
    return frames;
  };
})();
