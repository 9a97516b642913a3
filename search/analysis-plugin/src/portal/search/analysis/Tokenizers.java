package portal.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** Tokenizers of analysis-common: ngram, edge_ngram, whitespace, keyword, letter
 * (no {@code lowercase} tokenizer: use {@code letter} + the core {@code lowercase} filter). */
public final class Tokenizers {
    private Tokenizers() {}

    /** Settings of {@code ngram} and {@code edge_ngram}; {@code side} (Wagtail sends "front") is not read, so it is ignored. */
    @AnalysisSettings
    public interface NGramSettings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @ListSetting(path = "token_chars")
        List<String> tokenChars();

        @StringSetting(path = "custom_token_chars", defaultValue = "")
        String customTokenChars();
    }

    /**
     * The {@code token_chars} classes of analysis-common: letter, digit, whitespace, punctuation, symbol, custom.
     * Returns null when no class is given (every character belongs to tokens).
     */
    static IntPredicate tokenChars(String component, List<String> classes, String custom) {
        if (classes == null || classes.isEmpty()) {
            if (custom.isEmpty() == false) {
                throw new IllegalArgumentException("[" + component + "] custom_token_chars requires token_chars to include [custom]");
            }
            return null;
        }
        IntPredicate result = c -> false;
        for (String raw : classes) {
            String cls = raw.trim().toLowerCase(Locale.ROOT);
            IntPredicate p;
            switch (cls) {
                case "letter" -> p = Character::isLetter;
                case "digit" -> p = Character::isDigit;
                case "whitespace" -> p = Character::isWhitespace;
                case "punctuation" -> p = c -> switch (Character.getType(c)) {
                    case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                        Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                        Character.FINAL_QUOTE_PUNCTUATION -> true;
                    default -> false;
                };
                case "symbol" -> p = c -> switch (Character.getType(c)) {
                    case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL -> true;
                    default -> false;
                };
                case "custom" -> {
                    if (custom.isEmpty()) {
                        throw new IllegalArgumentException("[" + component + "] token_chars [custom] requires custom_token_chars to be set");
                    }
                    int[] chars = custom.codePoints().toArray();
                    p = c -> {
                        for (int x : chars) {
                            if (x == c) {
                                return true;
                            }
                        }
                        return false;
                    };
                }
                default -> throw new IllegalArgumentException(
                    "[" + component + "] unknown or unsupported token type [" + raw
                        + "], must be one of [letter, digit, whitespace, punctuation, symbol, custom]"
                );
            }
            result = result.or(p);
        }
        return result;
    }

    /** {@code ngram}: min_gram (1), max_gram (2), token_chars, custom_token_chars. index.max_ngram_diff is not enforced here. */
    @NamedComponent("ngram")
    public static final class NGram implements TokenizerFactory {
        private final int minGram;
        private final int maxGram;
        private final IntPredicate tokenChars;

        @Inject
        public NGram(NGramSettings settings) {
            this.minGram = settings.minGram();
            this.maxGram = settings.maxGram();
            Options.grams("ngram", minGram, maxGram);
            this.tokenChars = tokenChars("ngram", settings.tokenChars(), settings.customTokenChars());
        }

        @Override
        public Tokenizer create() {
            if (tokenChars == null) {
                return new NGramTokenizer(minGram, maxGram);
            }
            IntPredicate chars = tokenChars;
            return new NGramTokenizer(minGram, maxGram) {
                @Override
                protected boolean isTokenChar(int c) {
                    return chars.test(c);
                }
            };
        }
    }

    /** {@code edge_ngram}: min_gram (1), max_gram (2), token_chars, custom_token_chars; legacy {@code side} ignored. */
    @NamedComponent("edge_ngram")
    public static final class EdgeNGram implements TokenizerFactory {
        private final int minGram;
        private final int maxGram;
        private final IntPredicate tokenChars;

        @Inject
        public EdgeNGram(NGramSettings settings) {
            this.minGram = settings.minGram();
            this.maxGram = settings.maxGram();
            Options.grams("edge_ngram", minGram, maxGram);
            this.tokenChars = tokenChars("edge_ngram", settings.tokenChars(), settings.customTokenChars());
        }

        @Override
        public Tokenizer create() {
            if (tokenChars == null) {
                return new EdgeNGramTokenizer(minGram, maxGram);
            }
            IntPredicate chars = tokenChars;
            return new EdgeNGramTokenizer(minGram, maxGram) {
                @Override
                protected boolean isTokenChar(int c) {
                    return chars.test(c);
                }
            };
        }
    }

    /** {@code whitespace}: option max_token_length (255). */
    @NamedComponent("whitespace")
    public static final class Whitespace implements TokenizerFactory {
        @AnalysisSettings
        public interface Settings {
            @IntSetting(path = "max_token_length", defaultValue = 255)
            int maxTokenLength();
        }

        private final int maxTokenLength;

        @Inject
        public Whitespace(Settings settings) {
            this.maxTokenLength = settings.maxTokenLength();
            if (maxTokenLength < 1) {
                throw new IllegalArgumentException("[whitespace] max_token_length must be >= 1, got [" + maxTokenLength + "]");
            }
        }

        @Override
        public Tokenizer create() {
            return new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength);
        }
    }

    /** {@code keyword}: option buffer_size (256). */
    @NamedComponent("keyword")
    public static final class Keyword implements TokenizerFactory {
        @AnalysisSettings
        public interface Settings {
            @IntSetting(path = "buffer_size", defaultValue = 256)
            int bufferSize();
        }

        private final int bufferSize;

        @Inject
        public Keyword(Settings settings) {
            this.bufferSize = settings.bufferSize();
            if (bufferSize < 1) {
                throw new IllegalArgumentException("[keyword] buffer_size must be >= 1, got [" + bufferSize + "]");
            }
        }

        @Override
        public Tokenizer create() {
            return new KeywordTokenizer(bufferSize);
        }
    }

    /** {@code letter}: no options. */
    @NamedComponent("letter")
    public static final class Letter implements TokenizerFactory {
        @Override
        public Tokenizer create() {
            return new LetterTokenizer();
        }
    }
}
