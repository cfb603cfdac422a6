package cn.cqs.client.batches;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.collections.ObservableListBase;

/**
 * The batch list's rows for a virtualised table over tens of thousands of batches: holds only the
 * matching rows' keys (from {@link PlantCache#query}) and loads rows a page at a time, in the
 * background, when the table asks for them (it asks only for the rows it shows). A row not loaded
 * yet is {@code null} (an empty line) until its page arrives; then the list reports those rows
 * replaced. Keeps the last {@value #PAGES_KEPT} pages. Use on the JavaFX thread.
 */
public final class BatchRowList extends ObservableListBase<BatchRow> {
    /** Rows loaded at once. */
    public static final int PAGE = 100;
    static final int PAGES_KEPT = 40;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(BatchRowList.class.getName());

    private final Function<long[], List<BatchRow>> loader;
    private final Executor background;
    private final Executor ui;
    private long[] keys = new long[0];
    private int generation;
    private final Map<Integer, BatchRow[]> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, BatchRow[]> eldest) {
            return size() > PAGES_KEPT;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private boolean inGet;

    /**
     * @param loader loads the rows of some keys (in the background)
     */
    public BatchRowList(Function<long[], List<BatchRow>> loader, Executor background, Executor ui) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Shows another result: its keys, with the first page already loaded (or null). */
    public void show(long[] newKeys, List<BatchRow> firstPage) {
        int oldSize = keys.length;
        generation++;
        keys = newKeys.clone();
        pages.clear();
        loading.clear();
        if (firstPage != null && !firstPage.isEmpty()) {
            pages.put(0, arrange(0, firstPage));
        }
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, new RemovedPlaceholder(oldSize));
        }
        if (keys.length > 0) {
            nextAdd(0, keys.length);
        }
        endChange();
    }

    /** The loaded row at {@code index}, or null while its page is loading. */
    @Override
    public BatchRow get(int index) {
        if (index < 0 || index >= keys.length) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE;
        BatchRow[] rows = pages.get(page);
        if (rows == null) {
            inGet = true;
            try {
                load(page);
            } finally {
                inGet = false;
            }
            rows = pages.get(page);
        }
        return rows == null ? null : rows[index % PAGE];
    }

    /** Whether the row at {@code index} is loaded (the table shows it). */
    public boolean isLoaded(int index) {
        BatchRow[] rows = pages.get(index / PAGE);
        return rows != null && rows[index % PAGE] != null;
    }

    @Override
    public int size() {
        return keys.length;
    }

    /** Drops the loaded pages (rows changed); the table reloads what it shows. */
    public void invalidateRows() {
        generation++;
        pages.clear();
        loading.clear();
        if (keys.length > 0) {
            beginChange();
            for (int i = 0; i < keys.length; i++) {
                nextUpdate(i);
            }
            endChange();
        }
    }

    private void load(int page) {
        if (!loading.add(page)) {
            return;
        }
        int from = page * PAGE;
        long[] wanted = Arrays.copyOfRange(keys, from, Math.min(keys.length, from + PAGE));
        int gen = generation;
        background.execute(() -> {
            List<BatchRow> rows;
            try {
                rows = loader.apply(wanted);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "loading batch rows failed; they are asked for again when shown", e);
                ui.execute(() -> loading.remove(page));
                return;
            }
            ui.execute(() -> arrived(gen, page, rows));
        });
    }

    private void arrived(int gen, int page, List<BatchRow> rows) {
        if (gen != generation) {
            return;
        }
        loading.remove(page);
        pages.put(page, arrange(page, rows));
        if (inGet) {
            return; // loaded inline while the caller waits for this very row: no change to report
        }
        int from = page * PAGE;
        int to = Math.min(keys.length, from + PAGE);
        beginChange();
        for (int i = from; i < to; i++) {
            nextSet(i, null);
        }
        endChange();
    }

    /** The rows in key order within the page (a row deleted meanwhile stays null). */
    private BatchRow[] arrange(int page, List<BatchRow> rows) {
        int from = page * PAGE;
        BatchRow[] out = new BatchRow[Math.min(PAGE, keys.length - from)];
        Map<Long, BatchRow> byKey = new java.util.HashMap<>();
        for (BatchRow r : rows) {
            byKey.put(r.key(), r);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = byKey.get(keys[from + i]);
        }
        return out;
    }

    /** The removed rows of a replaced result, reported without materialising them. */
    private static final class RemovedPlaceholder extends java.util.AbstractList<BatchRow> {
        private final int size;

        RemovedPlaceholder(int size) {
            this.size = size;
        }

        @Override
        public BatchRow get(int index) {
            return null;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
