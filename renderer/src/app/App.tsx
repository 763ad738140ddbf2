// The workspace: facets and collections | search, timeline and results | the reader.
import { useCallback, useDeferredValue, useReducer, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/search/index';
import { CollectionList } from '../collections/CollectionList';
import { CollectionView } from '../collections/CollectionView';
import { useCollections } from '../collections/queries';
import { FacetPanel } from '../facets/FacetPanel';
import { ImportPanel } from '../import/ImportPanel';
import { useFileDrop } from '../import/use-file-drop';
import { useImport } from '../import/use-import';
import { useStableCallback } from '../lib/use-stable-callback';
import { Reader } from '../reader/Reader';
import type { ReaderCommand } from '../reader/Reader';
import { composeQuery } from '../search/compose-query';
import type { FacetFilter } from '../search/compose-query';
import { SearchBar } from '../search/SearchBar';
import { useSearch } from '../search/use-search';
import { useArchiveInfo } from './archive-info';
import { Dialogs } from './Dialogs';
import { ResultsPane } from './ResultsPane';
import { Toolbar } from './Toolbar';
import { useCommands } from './use-commands';
import { useMirrorState } from './use-services';
import { useSavedView } from './use-saved-view';
import { initialWorkspace, reduceWorkspace } from './workspace-state';
import type { SortChoice } from './workspace-state';

const NO_HITS: readonly SearchHit[] = [];
const NO_MONTHS: readonly { month: string; count: number }[] = [];

/** The whole app. */
export function App() {
  const [ws, dispatch] = useReducer(reduceWorkspace, initialWorkspace);
  const query = composeQuery(ws.text, ws.filters, ws.range);
  const { result, resultQuery, resultGeneration, isPreview, loadMore } = useSearch(query, ws.sort);
  const hits = result?.hits ?? NO_HITS;
  // The list and the count show a keystroke's results first; the facets and the timeline follow in
  // a background render React may interrupt (their props are stable until then, so they skip the
  // list's render). bench:browser: keystroke → results no longer waits for them.
  const deferredResult = useDeferredValue(result);
  const { status } = useMirrorState();
  // A result computed before any index was loaded would read as "the archive is empty".
  // (The start preview is not: it holds the cache's real item count.)
  const isFirstLoad = !isPreview && resultGeneration === 0 && status !== 'error';
  const collections = useCollections();
  const info = useArchiveInfo();
  const importControl = useImport();
  const fileInput = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [readerCommand, setReaderCommand] = useState<ReaderCommand>(null);
  const isDragging = useFileDrop(importControl.importFiles);

  const startImport = useStableCallback(() => {
    if (info?.transport === 'electron') importControl.chooseInMain();
    else fileInput.current?.click();
  });
  // The toolbar's Export takes the open collection, else the current results.
  const startExport = useStableCallback(() => {
    const open = collections.find((c) => c.slug === ws.openCollection);
    if (open) dispatch({ type: 'open-dialog', dialog: { kind: 'export', source: { collection: open.slug }, title: `“${open.title}”` } });
    else dispatch({ type: 'open-dialog', dialog: { kind: 'export', source: { query }, title: 'results' } });
  });
  // Stable handlers: the memoised panels skip the renders of keystrokes.
  const openTaxonomy = useCallback(() => dispatch({ type: 'open-dialog', dialog: { kind: 'taxonomy' } }), []);
  const toggleFilter = useCallback((filter: FacetFilter) => dispatch({ type: 'toggle-filter', filter }), []);
  const openCollection = useCallback((slug: string) => dispatch({ type: 'open-collection', slug }), []);
  const setText = useCallback((text: string) => dispatch({ type: 'set-text', text }), []);
  const setSort = useCallback((sort: SortChoice) => dispatch({ type: 'set-sort', sort }), []);
  const clearRange = useCallback(() => dispatch({ type: 'set-range', range: null }), []);
  const openRow = useCallback(
    (index: number) => {
      dispatch({ type: 'set-active', index });
      const id = hits[index]?.id;
      if (id) dispatch({ type: 'open-item', id });
    },
    [hits],
  );
  const selectRow = useCallback(
    (id: string, mode: 'toggle' | 'range') => dispatch({ type: 'select', id, mode, orderedIds: hits.map((h) => h.id) }),
    [hits],
  );

  useSavedView(ws, dispatch);
  useCommands({ ws, dispatch, hits, searchRef, requestRowFocus: () => setFocusRequest((n) => n + 1), setReaderCommand, startImport, startExport });

  return (
    <div className={`app ${ws.openItemId ? 'has-reader' : ''}`}>
      <Toolbar info={info} onImport={startImport} onExport={startExport} onTaxonomy={openTaxonomy} />
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label="Files to import"
        accept=".html,.htm,.txt,.md,.markdown,text/html,text/plain,text/markdown"
        onChange={(event) => {
          importControl.importFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <aside className="sidebar">
        <FacetPanel facets={deferredResult?.facets} filters={ws.filters} onToggle={toggleFilter} />
        <CollectionList collections={collections} openSlug={ws.openCollection} onOpen={openCollection} />
      </aside>
      <main className="center">
        <SearchBar
          inputRef={searchRef}
          text={ws.text}
          sort={ws.sort}
          filters={ws.filters}
          range={ws.range}
          total={result && !isFirstLoad ? result.total : null}
          error={result?.error}
          onText={setText}
          onSort={setSort}
          onRemoveFilter={toggleFilter}
          onClearRange={clearRange}
        />
        {ws.openCollection ? (
          <CollectionView
            slug={ws.openCollection}
            onClose={() => dispatch({ type: 'open-collection', slug: null })}
            onOpenItem={(id) => dispatch({ type: 'open-item', id })}
          />
        ) : (
          <ResultsPane
            ws={ws}
            dispatch={dispatch}
            result={result}
            months={deferredResult?.months ?? NO_MONTHS}
            resultQuery={resultQuery}
            focusRequest={focusRequest}
            onOpen={openRow}
            onSelect={selectRow}
            onNeedMore={loadMore}
          />
        )}
      </main>
      {ws.openItemId && (
        <Reader
          itemId={ws.openItemId}
          command={readerCommand}
          onCommandDone={() => setReaderCommand(null)}
          onClose={() => dispatch({ type: 'open-item', id: null })}
          onAddToCollection={(ids) => dispatch({ type: 'open-dialog', dialog: { kind: 'add-to-collection', ids } })}
        />
      )}
      <Dialogs dialog={ws.dialog} onClose={() => dispatch({ type: 'close-dialog' })} />
      <ImportPanel control={importControl} />
      {isDragging && <div className="drop-overlay" aria-hidden="true">Drop files to import</div>}
    </div>
  );
}
