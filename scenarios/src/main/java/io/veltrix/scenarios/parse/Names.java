package io.veltrix.scenarios.parse;

import java.util.regex.Pattern;

/** Names of scenarios, event types, tiers and strategies end up in file names, so they are kept plain. */
final class Names {
    static final String RULE = "names use letters, digits, '.', '_' and '-', and start with a letter or digit";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Names() {}

    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }
}
