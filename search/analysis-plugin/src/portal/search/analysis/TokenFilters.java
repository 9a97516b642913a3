package portal.search.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.bg.BulgarianStemFilter;
import org.apache.lucene.analysis.bn.BengaliStemFilter;
import org.apache.lucene.analysis.br.BrazilianStemFilter;
import org.apache.lucene.analysis.ckb.SoraniStemFilter;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.el.GreekStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.es.SpanishPluralStemFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.gl.GalicianMinimalStemFilter;
import org.apache.lucene.analysis.gl.GalicianStemFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.hu.HungarianLightStemFilter;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.lv.LatvianStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.no.NorwegianMinimalStemFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseMinimalStemFilter;
import org.apache.lucene.analysis.pt.PortugueseStemFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sr.SerbianNormalizationFilter;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArmenianStemmer;
import org.tartarus.snowball.ext.BasqueStemmer;
import org.tartarus.snowball.ext.CatalanStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.EstonianStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.IrishStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.KpStemmer;
import org.tartarus.snowball.ext.LithuanianStemmer;
import org.tartarus.snowball.ext.LovinsStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SerbianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Token filters of analysis-common: asciifolding, serbian_normalization, stemmer, snowball,
 * edge_ngram, ngram, trim, unique.
 */
public final class TokenFilters {
    private TokenFilters() {}

    /** {@code asciifolding}: option {@code preserve_original}. */
    @NamedComponent("asciifolding")
    public static final class AsciiFolding implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @StringSetting(path = "preserve_original", defaultValue = "")
            String preserveOriginal();
        }

        private final boolean preserveOriginal;

        @Inject
        public AsciiFolding(Settings settings) {
            this.preserveOriginal = Options.bool("asciifolding", "preserve_original", settings.preserveOriginal(), false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new ASCIIFoldingFilter(in, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return new ASCIIFoldingFilter(in, false);
        }
    }

    /** {@code serbian_normalization}: Cyrillic and Latin Serbian to Latin without diacritics (đ as dj). No options. */
    @NamedComponent("serbian_normalization")
    public static final class SerbianNormalization implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new SerbianNormalizationFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return new SerbianNormalizationFilter(in);
        }
    }

    /** Stemmers of the {@code stemmer} filter, keyed by lower-cased language name as analysis-common names them. */
    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = new TreeMap<>();
    /** The first (canonical) name of each, for error messages. */
    private static final Set<String> LANGUAGES = new TreeSet<>();

    private static void stemmer(UnaryOperator<TokenStream> filter, String... names) {
        LANGUAGES.add(names[0]);
        for (String name : names) {
            STEMMERS.put(name.toLowerCase(Locale.ROOT), filter);
        }
    }

    private static UnaryOperator<TokenStream> snowball(Supplier<SnowballStemmer> stemmer) {
        return in -> new SnowballFilter(in, stemmer.get());
    }

    static {
        stemmer(ArabicStemFilter::new, "arabic");
        stemmer(snowball(ArmenianStemmer::new), "armenian");
        stemmer(snowball(BasqueStemmer::new), "basque");
        stemmer(BengaliStemFilter::new, "bengali");
        stemmer(BrazilianStemFilter::new, "brazilian");
        stemmer(BulgarianStemFilter::new, "bulgarian");
        stemmer(snowball(CatalanStemmer::new), "catalan");
        stemmer(CzechStemFilter::new, "czech");
        stemmer(snowball(DanishStemmer::new), "danish");
        stemmer(snowball(DutchStemmer::new), "dutch");
        stemmer(snowball(KpStemmer::new), "dutch_kp", "dutchKp", "kp");
        stemmer(PorterStemFilter::new, "english", "porter");
        stemmer(KStemFilter::new, "light_english", "lightEnglish", "kstem");
        stemmer(snowball(LovinsStemmer::new), "lovins");
        stemmer(snowball(EnglishStemmer::new), "porter2");
        stemmer(EnglishMinimalStemFilter::new, "minimal_english", "minimalEnglish");
        stemmer(EnglishPossessiveFilter::new, "possessive_english", "possessiveEnglish");
        stemmer(snowball(EstonianStemmer::new), "estonian");
        stemmer(snowball(FinnishStemmer::new), "finnish");
        stemmer(FinnishLightStemFilter::new, "light_finnish", "lightFinnish", "light_finish", "lightFinish");
        stemmer(snowball(FrenchStemmer::new), "french");
        stemmer(FrenchLightStemFilter::new, "light_french", "lightFrench");
        stemmer(FrenchMinimalStemFilter::new, "minimal_french", "minimalFrench");
        stemmer(GalicianStemFilter::new, "galician");
        stemmer(GalicianMinimalStemFilter::new, "minimal_galician");
        stemmer(snowball(GermanStemmer::new), "german");
        stemmer(snowball(German2Stemmer::new), "german2");
        stemmer(GermanLightStemFilter::new, "light_german", "lightGerman");
        stemmer(GermanMinimalStemFilter::new, "minimal_german", "minimalGerman");
        stemmer(GreekStemFilter::new, "greek");
        stemmer(HindiStemFilter::new, "hindi");
        stemmer(snowball(HungarianStemmer::new), "hungarian");
        stemmer(HungarianLightStemFilter::new, "light_hungarian", "lightHungarian");
        stemmer(IndonesianStemFilter::new, "indonesian");
        stemmer(snowball(IrishStemmer::new), "irish");
        stemmer(snowball(ItalianStemmer::new), "italian");
        stemmer(ItalianLightStemFilter::new, "light_italian", "lightItalian");
        stemmer(LatvianStemFilter::new, "latvian");
        stemmer(snowball(LithuanianStemmer::new), "lithuanian");
        stemmer(snowball(NorwegianStemmer::new), "norwegian");
        stemmer(NorwegianLightStemFilter::new, "light_norwegian", "lightNorwegian");
        stemmer(NorwegianMinimalStemFilter::new, "minimal_norwegian", "minimalNorwegian");
        stemmer(in -> new NorwegianLightStemFilter(in, NorwegianLightStemmer.NYNORSK), "light_nynorsk", "lightNynorsk");
        stemmer(in -> new NorwegianMinimalStemFilter(in, NorwegianLightStemmer.NYNORSK), "minimal_nynorsk", "minimalNynorsk");
        stemmer(PersianStemFilter::new, "persian");
        stemmer(snowball(PortugueseStemmer::new), "portuguese");
        stemmer(PortugueseLightStemFilter::new, "light_portuguese", "lightPortuguese");
        stemmer(PortugueseMinimalStemFilter::new, "minimal_portuguese", "minimalPortuguese");
        stemmer(PortugueseStemFilter::new, "portuguese_rslp");
        stemmer(snowball(RomanianStemmer::new), "romanian");
        stemmer(snowball(RussianStemmer::new), "russian");
        stemmer(RussianLightStemFilter::new, "light_russian", "lightRussian");
        stemmer(snowball(SerbianStemmer::new), "serbian");
        stemmer(snowball(SpanishStemmer::new), "spanish");
        stemmer(SpanishLightStemFilter::new, "light_spanish", "lightSpanish");
        stemmer(SpanishPluralStemFilter::new, "spanish_plural");
        stemmer(SoraniStemFilter::new, "sorani");
        stemmer(snowball(SwedishStemmer::new), "swedish");
        stemmer(SwedishLightStemFilter::new, "light_swedish", "lightSwedish");
        stemmer(snowball(TurkishStemmer::new), "turkish");
    }

    /** "serbian" -> "Serbian": how analysis-common turns a language into a Snowball stemmer class name. */
    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Null when Lucene has no Snowball stemmer {@code org.tartarus.snowball.ext.<Name>Stemmer}. */
    private static UnaryOperator<TokenStream> snowballByName(String name) {
        if (name.isEmpty() || name.chars().allMatch(Character::isLetterOrDigit) == false) {
            return null;
        }
        try {
            Class<?> c = Class.forName("org.tartarus.snowball.ext." + name + "Stemmer", false, SnowballFilter.class.getClassLoader());
            if (SnowballStemmer.class.isAssignableFrom(c) == false) {
                return null;
            }
        } catch (ClassNotFoundException e) {
            return null;
        }
        return in -> new SnowballFilter(in, name);
    }

    /** {@code stemmer}: option {@code language} (alias {@code name}), default "porter". */
    @NamedComponent("stemmer")
    public static final class Stemmer implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @StringSetting(path = "language", defaultValue = "")
            String language();

            @StringSetting(path = "name", defaultValue = "")
            String name();
        }

        private final UnaryOperator<TokenStream> filter;

        @Inject
        public Stemmer(Settings settings) {
            String language = settings.language().isEmpty() ? settings.name() : settings.language();
            if (language.isEmpty()) {
                language = "porter";
            }
            UnaryOperator<TokenStream> f = STEMMERS.get(language.toLowerCase(Locale.ROOT));
            if (f == null) {
                f = snowballByName(capitalize(language));
            }
            if (f == null) {
                throw new IllegalArgumentException(
                    "[stemmer] unsupported language [" + language + "]; supported: " + LANGUAGES
                        + " or the name of a Lucene Snowball stemmer"
                );
            }
            this.filter = f;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return filter.apply(in);
        }
    }

    /** {@code snowball}: option {@code language} (alias {@code name}), default "English". */
    @NamedComponent("snowball")
    public static final class Snowball implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @StringSetting(path = "language", defaultValue = "")
            String language();

            @StringSetting(path = "name", defaultValue = "")
            String name();
        }

        private final UnaryOperator<TokenStream> filter;

        @Inject
        public Snowball(Settings settings) {
            String language = settings.language().isEmpty() ? settings.name() : settings.language();
            language = capitalize(language.isEmpty() ? "English" : language);
            this.filter = snowballByName(language);
            if (filter == null) {
                throw new IllegalArgumentException("[snowball] unsupported language [" + language + "]: Lucene has no Snowball stemmer of that name");
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            return filter.apply(in);
        }
    }

    /** {@code edge_ngram}: options {@code min_gram} (1), {@code max_gram} (2), {@code preserve_original}, {@code side} (front|back). */
    @NamedComponent("edge_ngram")
    public static final class EdgeNGram implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @IntSetting(path = "min_gram", defaultValue = 1)
            int minGram();

            @IntSetting(path = "max_gram", defaultValue = 2)
            int maxGram();

            @StringSetting(path = "preserve_original", defaultValue = "")
            String preserveOriginal();

            @StringSetting(path = "side", defaultValue = "front")
            String side();
        }

        private final int minGram;
        private final int maxGram;
        private final boolean preserveOriginal;
        private final boolean back;

        @Inject
        public EdgeNGram(Settings settings) {
            this.minGram = settings.minGram();
            this.maxGram = settings.maxGram();
            Options.grams("edge_ngram", minGram, maxGram);
            this.preserveOriginal = Options.bool("edge_ngram", "preserve_original", settings.preserveOriginal(), false);
            switch (settings.side()) {
                case "front" -> back = false;
                case "back" -> back = true;
                default -> throw new IllegalArgumentException("invalid side: " + settings.side());
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            TokenStream result = back ? new ReverseStringFilter(in) : in;
            result = new EdgeNGramTokenFilter(result, minGram, maxGram, preserveOriginal);
            return back ? new ReverseStringFilter(result) : result;
        }
    }

    /**
     * {@code ngram}: options {@code min_gram} (1), {@code max_gram} (2), {@code preserve_original}.
     * Unlike analysis-common it cannot see the index's {@code index.max_ngram_diff}, so it does not enforce it.
     */
    @NamedComponent("ngram")
    public static final class NGram implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @IntSetting(path = "min_gram", defaultValue = 1)
            int minGram();

            @IntSetting(path = "max_gram", defaultValue = 2)
            int maxGram();

            @StringSetting(path = "preserve_original", defaultValue = "")
            String preserveOriginal();
        }

        private final int minGram;
        private final int maxGram;
        private final boolean preserveOriginal;

        @Inject
        public NGram(Settings settings) {
            this.minGram = settings.minGram();
            this.maxGram = settings.maxGram();
            Options.grams("ngram", minGram, maxGram);
            this.preserveOriginal = Options.bool("ngram", "preserve_original", settings.preserveOriginal(), false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new NGramTokenFilter(in, minGram, maxGram, preserveOriginal);
        }
    }

    /**
     * {@code pattern_replace}: options {@code pattern} (required, Java regex), {@code replacement} (""),
     * {@code all} (true), {@code flags} (Java regex flag names joined by "|", e.g. "CASE_INSENSITIVE").
     */
    @NamedComponent("pattern_replace")
    public static final class PatternReplace implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @StringSetting(path = "pattern", defaultValue = "")
            String pattern();

            @StringSetting(path = "replacement", defaultValue = "")
            String replacement();

            @StringSetting(path = "all", defaultValue = "")
            String all();

            @StringSetting(path = "flags", defaultValue = "")
            String flags();
        }

        private final Pattern pattern;
        private final String replacement;
        private final boolean all;

        @Inject
        public PatternReplace(Settings settings) {
            // Every component is instantiated with empty settings when an index is created: fail on use, not then.
            this.pattern = settings.pattern().isEmpty() ? null : Pattern.compile(settings.pattern(), regexFlags(settings.flags()));
            this.replacement = settings.replacement();
            this.all = Options.bool("pattern_replace", "all", settings.all(), true);
        }

        static int regexFlags(String names) {
            int flags = 0;
            for (String name : names.split("\\|")) {
                String trimmed = name.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    flags |= Pattern.class.getField(trimmed).getInt(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("pattern_replace: unknown regex flag [" + trimmed + "]");
                }
            }
            return flags;
        }

        @Override
        public TokenStream create(TokenStream in) {
            if (pattern == null) {
                throw new IllegalArgumentException("pattern_replace: [pattern] is required");
            }
            return new PatternReplaceFilter(in, pattern, replacement, all);
        }
    }

    /** {@code trim}: no options. */
    @NamedComponent("trim")
    public static final class Trim implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream in) {
            return new TrimFilter(in);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return new TrimFilter(in);
        }
    }

    /** {@code unique}: option {@code only_on_same_position} (false). */
    @NamedComponent("unique")
    public static final class Unique implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @StringSetting(path = "only_on_same_position", defaultValue = "")
            String onlyOnSamePosition();
        }

        private final boolean onlyOnSamePosition;

        @Inject
        public Unique(Settings settings) {
            this.onlyOnSamePosition = Options.bool("unique", "only_on_same_position", settings.onlyOnSamePosition(), false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new UniqueFilter(in, onlyOnSamePosition);
        }
    }

    /** Drops a token whose text was already seen (in the whole stream, or at the same position only). */
    static final class UniqueFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final CharArraySet seen = new CharArraySet(8, false);
        private final boolean onlyOnSamePosition;

        UniqueFilter(TokenStream in, boolean onlyOnSamePosition) {
            super(in);
            this.onlyOnSamePosition = onlyOnSamePosition;
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (onlyOnSamePosition && posInc.getPositionIncrement() > 0) {
                    seen.clear();
                }
                if (seen.contains(term.buffer(), 0, term.length())) {
                    continue;
                }
                seen.add(Arrays.copyOf(term.buffer(), term.length()));
                return true;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            seen.clear();
        }
    }
}
