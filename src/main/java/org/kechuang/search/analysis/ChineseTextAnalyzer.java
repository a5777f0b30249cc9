package org.kechuang.search.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;

/**
 * The one analysis chain of the search index, for indexing and for queries: NFKC and traditional → simplified
 * ({@link NormalizingCharFilter}), smartcn words plus character bigrams for Chinese and whole terms for Latin words
 * and model numbers ({@link TechnicalTextTokenizer}), then lower case. Token types tell a query builder which tokens
 * to ask for: {@link #WORD}, {@link #BIGRAM}, {@link #TERM}, {@link #STANDARD}, and {@link #PART} (index only).
 */
public final class ChineseTextAnalyzer extends Analyzer {

    public static final String WORD = TechnicalTextTokenizer.WORD;
    public static final String BIGRAM = TechnicalTextTokenizer.BIGRAM;
    public static final String TERM = TechnicalTextTokenizer.TERM;
    public static final String STANDARD = TechnicalTextTokenizer.STANDARD;
    public static final String PART = TechnicalTextTokenizer.PART;

    /**
     * Changes whenever the chain turns a text into other tokens: an index written by another version answers queries
     * of this one wrongly and is rebuilt. 2: 乾, 矽, 醯 … folded onto their mainland forms.
     */
    public static final String VERSION = "2";

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new NormalizingCharFilter(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new NormalizingCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        TechnicalTextTokenizer tokenizer = new TechnicalTextTokenizer();
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
