package io.jenkins.plugins.gocontainer.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The gate report as an aligned plain-text table for build logs, with each gate's offenders under it. */
public final class GateReportTable {

    private static final String[] HEADERS = {"GATE", "MEASURED", "LIMIT", "OUTCOME"};

    private GateReportTable() {
    }

    public static String render(GateReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (GateResult gate : report.gates()) {
            rows.add(new String[] {gate.name(), gate.measured(), gate.limit(), gate.outcome().name()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths));
            if (r > 0) {
                GateResult gate = report.gates().get(r - 1);
                gate.breaches().forEach(breach -> out.append("    breached: ").append(breach).append('\n'));
                gate.offenders().forEach(offender -> out.append("    - ").append(offender).append('\n'));
            }
        }
        out.append("Gates: ").append(report.outcome().name().toLowerCase(Locale.ROOT)).append('\n');
        return out.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == cells.length - 1 ? cells[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cells[i]));
        }
        return line.toString().stripTrailing() + "\n";
    }
}
