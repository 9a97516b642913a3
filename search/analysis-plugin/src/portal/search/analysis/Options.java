package portal.search.analysis;

import java.util.List;

/**
 * Strict parsing helpers shared by the factories.
 *
 * The stable plugin API hands a factory only the settings it declares, so every option that
 * Elasticsearch's analysis-common accepts for a component is declared here too: the ones we
 * implement are honoured, the ones we do not implement fail loudly instead of being ignored.
 */
final class Options {
    private Options() {}

    /** Booleans the way Elasticsearch parses them: only "true" or "false". Unset ("") gives the default. */
    static boolean bool(String component, String key, String value, boolean defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(
            "[" + component + "] option [" + key + "] must be [true] or [false], got [" + value + "]"
        );
    }

    /** Fails when an option that analysis-common knows, but this plugin does not implement, is set. */
    static void unsupported(String component, String key, String value) {
        if (value != null && value.isEmpty() == false) {
            throw unsupportedError(component, key);
        }
    }

    static void unsupported(String component, String key, List<String> value) {
        if (value != null && value.isEmpty() == false) {
            throw unsupportedError(component, key);
        }
    }

    private static IllegalArgumentException unsupportedError(String component, String key) {
        return new IllegalArgumentException(
            "["
                + component
                + "] option ["
                + key
                + "] is not supported by the portal-analysis plugin of the local development/test node "
                + "(see search/analysis-plugin/README.md)"
        );
    }

    static void grams(String component, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException("[" + component + "] min_gram must be >= 1, got [" + minGram + "]");
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException(
                "[" + component + "] max_gram [" + maxGram + "] must be >= min_gram [" + minGram + "]"
            );
        }
    }
}
