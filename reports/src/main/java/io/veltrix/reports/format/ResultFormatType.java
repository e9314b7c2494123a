package io.veltrix.reports.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report formats of {@code veltrix bench --format}, by the names the option takes. */
public enum ResultFormatType {
    /** One self-contained HTML page ({@code report.html}). */
    HTML("html", List.of("report.html")),
    /** results.json's content plus the SLO verdicts and any baseline comparison ({@code report.json}). */
    JSON("json", List.of("report.json")),
    /** Markdown for a pull-request comment or a CI job summary ({@code report.md}). */
    MARKDOWN("md", List.of("report.md")),
    /** JUnit XML in the Surefire schema, one test case per SLO per strategy ({@code junit.xml}). */
    JUNIT("junit", List.of("junit.xml")),
    /** github-action-benchmark's {@code customBiggerIsBetter} and {@code customSmallerIsBetter} JSON. */
    BENCHMARK("benchmark", List.of("benchmark-bigger-is-better.json", "benchmark-smaller-is-better.json"));

    /** The formats written when none are asked for. */
    public static final List<ResultFormatType> DEFAULTS = List.of(HTML, JSON);

    private final String formatName;
    private final List<String> files;

    ResultFormatType(String formatName, List<String> files) {
        this.formatName = formatName;
        this.files = files;
    }

    /** The name {@code --format} takes. */
    public String formatName() {
        return formatName;
    }

    /** The files this format writes into an output directory. */
    public List<String> files() {
        return files;
    }

    /**
     * The formats of a comma-separated list such as {@code html,json,md}, in the order given, without duplicates.
     * {@code markdown} is accepted for {@code md}.
     *
     * @throws IllegalArgumentException naming an unknown format and the known ones
     */
    public static List<ResultFormatType> parseList(String list) {
        List<ResultFormatType> types = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            ResultFormatType type = byName(name);
            if (type == null) {
                throw new IllegalArgumentException("unknown format '" + part.trim() + "' in '" + list
                        + "'; expected a comma-separated list of " + names());
            }
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        return types;
    }

    /** The format called {@code name}, or null. */
    public static ResultFormatType byName(String name) {
        if (name.equals("markdown")) {
            return MARKDOWN;
        }
        for (ResultFormatType type : values()) {
            if (type.formatName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** {@code html, json, md, junit, benchmark}. */
    public static String names() {
        List<String> names = new ArrayList<>();
        for (ResultFormatType type : values()) {
            names.add(type.formatName);
        }
        return String.join(", ", names);
    }
}
