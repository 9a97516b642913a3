package portal.search.analysis;

import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Char filters of analysis-common: {@code mapping}, {@code html_strip}. */
public final class CharFilters {
    private CharFilters() {}

    /** {@code mapping}: {@code mappings} = list of "source => target" rules (mappings_path is not supported). */
    @NamedComponent("mapping")
    public static final class Mapping implements CharFilterFactory {
        @AnalysisSettings
        public interface Settings {
            /** Empty only in the instance Elasticsearch builds by itself, with no settings, for every component name. */
            @StringSetting(path = "type", defaultValue = "")
            String type();

            @ListSetting(path = "mappings")
            List<String> mappings();

            @StringSetting(path = "mappings_path", defaultValue = "")
            String mappingsPath();
        }

        private static final String REQUIRES_MAPPINGS = "mapping requires either `mappings` or `mappings_path` to be configured";

        private final NormalizeCharMap map;

        @Inject
        public Mapping(Settings settings) {
            List<String> rules = settings.mappings();
            if (settings.type().isEmpty() && (rules == null || rules.isEmpty())) {
                // Elasticsearch instantiates every stable-plugin component with empty settings when it creates
                // an index; throwing here would break every index. Such a bare "mapping" fails when used.
                this.map = null;
                return;
            }
            Options.unsupported("mapping", "mappings_path", settings.mappingsPath());
            if (rules == null || rules.isEmpty()) {
                throw new IllegalArgumentException(REQUIRES_MAPPINGS);
            }
            NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
            for (String rule : rules) {
                int arrow = rule.indexOf("=>");
                if (arrow < 0) {
                    throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
                }
                String source = unescape(rule.substring(0, arrow).trim(), rule);
                String target = unescape(rule.substring(arrow + 2).trim(), rule);
                if (source.isEmpty()) {
                    throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]. Illegal mapping.");
                }
                builder.add(source, target);
            }
            this.map = builder.build();
        }

        /** Same escapes as analysis-common: \\ \n \t \r \b \f \\uXXXX; any other escaped char stands for itself. */
        private static String unescape(String s, String rule) {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (++i >= s.length()) {
                    throw new IllegalArgumentException("Invalid escaped char in mapping rule [" + rule + "]");
                }
                char e = s.charAt(i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 4 >= s.length()) {
                            throw new IllegalArgumentException("Invalid escaped char in mapping rule [" + rule + "]");
                        }
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }

        @Override
        public Reader create(Reader reader) {
            if (map == null) {
                throw new IllegalArgumentException(REQUIRES_MAPPINGS);
            }
            return new MappingCharFilter(map, reader);
        }

        @Override
        public Reader normalize(Reader reader) {
            return create(reader);
        }
    }

    /** {@code html_strip}: option {@code escaped_tags}. */
    @NamedComponent("html_strip")
    public static final class HtmlStrip implements CharFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @ListSetting(path = "escaped_tags")
            List<String> escapedTags();
        }

        private final Set<String> escapedTags;

        @Inject
        public HtmlStrip(Settings settings) {
            List<String> tags = settings.escapedTags();
            this.escapedTags = tags == null || tags.isEmpty() ? null : Set.copyOf(new HashSet<>(tags));
        }

        @Override
        public Reader create(Reader reader) {
            return new HTMLStripCharFilter(reader, escapedTags);
        }
    }
}
