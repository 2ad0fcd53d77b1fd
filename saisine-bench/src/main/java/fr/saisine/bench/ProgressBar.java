package fr.saisine.bench;

import java.io.PrintStream;

/** One line on the terminal, redrawn in place: how far a phase has got. */
final class ProgressBar {

    private static final int WIDTH = 40;
    private final PrintStream out;
    private final String label;
    private final int total;

    ProgressBar(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void show(int done, String detail) {
        int filled = (int) ((long) WIDTH * done / total);
        out.printf("\r%-14s [%s%s] %d/%d %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
                detail);
        out.flush();
    }

    void finish(int done, String detail) {
        show(done, detail);
        out.println();
    }
}
