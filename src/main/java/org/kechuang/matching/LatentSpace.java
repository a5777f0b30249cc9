package org.kechuang.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Vectors learnt from the platform's own records (latent semantic analysis): the TF-IDF matrix of the records' terms is
 * reduced to its {@code dimensions} strongest directions by a randomized singular value decomposition, and any text is
 * placed in that space by its terms. Texts about the same subject land close together even when they share few words
 * (a title and the abstracts of its field), which plain term matching misses. Nothing is downloaded: the space is
 * trained on the records at hand, in a few passes over them, in memory proportional to vocabulary × dimensions.
 */
final class LatentSpace {

    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    /** Row per term: the term's coordinates. */
    private final float[][] terms;

    /** Per term: the length of its coordinates (how much of the term the space holds). */
    private final float[] lengths;

    private final int documents;

    private LatentSpace(Map<String, Integer> vocabulary, float[] idf, float[][] terms, int documents) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.terms = terms;
        this.documents = documents;
        this.lengths = terms == null ? null : new float[terms.length];
        for (int t = 0; lengths != null && t < terms.length; t++) {
            double sum = 0;
            for (float v : terms[t]) {
                sum += v * v;
            }
            lengths[t] = (float) Math.sqrt(sum);
        }
    }

    /** The records' term frequencies, to be read several times over. */
    interface Corpus {

        void forEach(java.util.function.Consumer<Map<String, Integer>> termFrequencies);
    }

    /**
     * @param minDocumentFrequency terms in fewer records are left out (they cannot relate two records)
     * @param maxDocumentFraction terms in a larger share of records are left out (they relate every record)
     * @param maxTerms the most frequent of the remaining terms kept, which bounds the memory
     */
    record Settings(
            int dimensions,
            int minDocumentFrequency,
            double maxDocumentFraction,
            int maxTerms,
            int powerIterations,
            long seed) {

        static final Settings DEFAULT = new Settings(100, 2, 0.5, 60_000, 10, 42);
    }

    /** Null when the corpus is too small or too uniform to learn anything from. */
    static LatentSpace train(Corpus corpus, Settings settings) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        int[] count = {0};
        corpus.forEach(tf -> {
            count[0]++;
            tf.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        });
        int n = count[0];
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : documentFrequency.entrySet()) {
            if (entry.getValue() >= settings.minDocumentFrequency()
                    && entry.getValue() <= settings.maxDocumentFraction() * n) {
                kept.add(entry);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (kept.size() > settings.maxTerms()) {
            kept = kept.subList(0, settings.maxTerms());
        }
        int m = kept.size();
        int l = Math.min(settings.dimensions() + 20, Math.min(m, n));
        int k = Math.min(settings.dimensions(), l);
        if (k < 2) {
            return null;
        }
        Map<String, Integer> vocabulary = new HashMap<>(m * 2);
        float[] idf = new float[m];
        for (int t = 0; t < m; t++) {
            vocabulary.put(kept.get(t).getKey(), t);
            idf[t] = (float) Math.log((n + 1.0) / kept.get(t).getValue());
        }
        LatentSpace partial = new LatentSpace(vocabulary, idf, null, n);
        Passes passes = Passes.of(corpus, partial);

        // randomized range finder with power iterations, in term space: Z ← XᵀX Z, orthonormalized each time
        Random random = new Random(settings.seed());
        double[][] z = new double[m][l];
        for (double[] row : z) {
            for (int j = 0; j < l; j++) {
                row[j] = random.nextGaussian();
            }
        }
        for (int iteration = 0; iteration < settings.powerIterations(); iteration++) {
            orthonormalize(z);
            double[][] next = new double[m][l];
            double[][] basis = z;
            passes.forEach(x -> {
                double[] y = project(x, basis, l);
                for (int i = 0; i < x.ids.length; i++) {
                    double[] row = next[x.ids[i]];
                    double w = x.weights[i];
                    for (int j = 0; j < l; j++) {
                        row[j] += w * y[j];
                    }
                }
            });
            z = next;
        }
        orthonormalize(z);
        // the small problem: C = Zᵀ XᵀX Z, whose eigenvectors rotate Z onto the singular directions
        double[][] c = new double[l][l];
        double[][] basis = z;
        passes.forEach(x -> {
            double[] y = project(x, basis, l);
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < l; b++) {
                    c[a][b] += y[a] * y[b];
                }
            }
        });
        double[][] w = new double[l][l];
        double[] eigenvalues = jacobi(c, w);
        Integer[] order = new Integer[l];
        for (int i = 0; i < l; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eigenvalues[b], eigenvalues[a]));
        // always the configured size, the rest zero: the index keeps one vector size
        float[][] terms = new float[m][settings.dimensions()];
        for (int t = 0; t < m; t++) {
            for (int dim = 0; dim < k; dim++) {
                double sum = 0;
                for (int a = 0; a < l; a++) {
                    sum += z[t][a] * w[a][order[dim]];
                }
                terms[t][dim] = (float) sum;
            }
        }
        return new LatentSpace(vocabulary, idf, terms, n);
    }

    /** Writes the space so that {@link #read} gives it back as it is. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        String[] byId = new String[vocabulary.size()];
        vocabulary.forEach((term, id) -> byId[id] = term);
        out.writeInt(documents);
        out.writeInt(byId.length);
        out.writeInt(dimensions());
        for (int t = 0; t < byId.length; t++) {
            out.writeUTF(byId[t]);
            out.writeFloat(idf[t]);
            for (float v : terms[t]) {
                out.writeFloat(v);
            }
        }
    }

    static LatentSpace read(java.io.DataInputStream in) throws java.io.IOException {
        int documents = in.readInt();
        int m = in.readInt();
        int k = in.readInt();
        Map<String, Integer> vocabulary = new HashMap<>(m * 2);
        float[] idf = new float[m];
        float[][] terms = new float[m][k];
        for (int t = 0; t < m; t++) {
            vocabulary.put(in.readUTF(), t);
            idf[t] = in.readFloat();
            for (int dim = 0; dim < k; dim++) {
                terms[t][dim] = in.readFloat();
            }
        }
        return new LatentSpace(vocabulary, idf, terms, documents);
    }

    int dimensions() {
        return terms[0].length;
    }

    /** The term's coordinates, or null when the space does not hold it. */
    float[] termCoordinates(String term) {
        Integer id = vocabulary.get(term);
        return id == null ? null : terms[id];
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    /** How many records it was trained on. */
    int documents() {
        return documents;
    }

    /** A record's place (its text's), of unit length; null when none of its terms is known. */
    float[] embed(Map<String, Integer> termFrequencies) {
        return embed(termFrequencies, 1, false);
    }

    /**
     * The place of a text asked about (ADR 0026, addendum): each of its terms counts by its direction in the space
     * (its coordinates of unit length) weighted by (1 + log count) × idf^{@code idfPower}. A record's place is the sum
     * of its terms' coordinates, whose lengths grow with how much of each term the space holds: the frequent terms',
     * long, outweigh the rare ones', short, although the rare ones say most of what a short text is about. As
     * directions, every term of the text pulls as its weight says; {@code idfPower} 2 gives each the weight it has in
     * the classic tf-idf dot product of a query and a record, idf once for each side.
     */
    float[] embedQuery(Map<String, Integer> termFrequencies, double idfPower) {
        return embed(termFrequencies, idfPower, true);
    }

    /** Each term's weight with its idf raised to {@code idfPower}, its coordinates of unit length when {@code directions}. */
    float[] embed(Map<String, Integer> termFrequencies, double idfPower, boolean directions) {
        Sparse x = weights(termFrequencies, idfPower);
        if (x.ids.length == 0) {
            return null;
        }
        int k = dimensions();
        float[] vector = new float[k];
        for (int i = 0; i < x.ids.length; i++) {
            float[] row = terms[x.ids[i]];
            float weight = x.weights[i];
            if (directions) {
                float length = lengths[x.ids[i]];
                weight = length == 0 ? 0 : weight / length;
            }
            for (int dim = 0; dim < k; dim++) {
                vector[dim] += weight * row[dim];
            }
        }
        return normalized(vector);
    }

    static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private record Sparse(int[] ids, float[] weights) {}

    /**
     * The records' weights over the kept terms for the training's passes: read once more and kept in memory when they
     * are at most {@link #CACHED_WEIGHTS} (8 bytes each, about 160 MB at most), so that the power iterations do not
     * read and analyse the sample again at every pass; a larger sample is read again at every pass.
     */
    private static final class Passes {

        static final long CACHED_WEIGHTS = 20_000_000;

        private final Corpus corpus;
        private final LatentSpace partial;
        private final List<Sparse> cached;

        private Passes(Corpus corpus, LatentSpace partial, List<Sparse> cached) {
            this.corpus = corpus;
            this.partial = partial;
            this.cached = cached;
        }

        static Passes of(Corpus corpus, LatentSpace partial) {
            List<Sparse> rows = new ArrayList<>();
            long[] size = {0};
            boolean[] overflow = {false};
            corpus.forEach(tf -> {
                if (overflow[0]) {
                    return;
                }
                Sparse x = partial.weights(tf);
                size[0] += x.ids.length;
                if (size[0] > CACHED_WEIGHTS) {
                    overflow[0] = true;
                    rows.clear();
                } else {
                    rows.add(x);
                }
            });
            return new Passes(corpus, partial, overflow[0] ? null : rows);
        }

        void forEach(java.util.function.Consumer<Sparse> each) {
            if (cached != null) {
                cached.forEach(each);
            } else {
                corpus.forEach(tf -> each.accept(partial.weights(tf)));
            }
        }
    }

    /** Log-scaled TF × IDF over the known terms, of unit length. */
    private Sparse weights(Map<String, Integer> termFrequencies) {
        return weights(termFrequencies, 1);
    }

    private Sparse weights(Map<String, Integer> termFrequencies, double idfPower) {
        int[] ids = new int[termFrequencies.size()];
        float[] weights = new float[termFrequencies.size()];
        int size = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> entry : termFrequencies.entrySet()) {
            Integer id = vocabulary.get(entry.getKey());
            if (id != null && entry.getValue() > 0) {
                double weight =
                        (1 + Math.log(entry.getValue())) * (idfPower == 1 ? idf[id] : Math.pow(idf[id], idfPower));
                ids[size] = id;
                weights[size++] = (float) weight;
                norm += weight * weight;
            }
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < size; i++) {
            weights[i] *= scale;
        }
        return new Sparse(Arrays.copyOf(ids, size), Arrays.copyOf(weights, size));
    }

    private static double[] project(Sparse x, double[][] basis, int l) {
        double[] y = new double[l];
        for (int i = 0; i < x.ids.length; i++) {
            double[] row = basis[x.ids[i]];
            double w = x.weights[i];
            for (int j = 0; j < l; j++) {
                y[j] += w * row[j];
            }
        }
        return y;
    }

    /** Modified Gram–Schmidt over the columns. */
    private static void orthonormalize(double[][] z) {
        int m = z.length;
        int l = z[0].length;
        for (int j = 0; j < l; j++) {
            for (int i = 0; i < j; i++) {
                double dot = 0;
                for (double[] row : z) {
                    dot += row[i] * row[j];
                }
                for (double[] row : z) {
                    row[j] -= dot * row[i];
                }
            }
            double norm = 0;
            for (double[] row : z) {
                norm += row[j] * row[j];
            }
            norm = Math.sqrt(norm);
            for (int t = 0; t < m; t++) {
                z[t][j] = norm < 1e-12 ? 0 : z[t][j] / norm;
            }
        }
    }

    /** Eigenvalues of the symmetric matrix {@code a} (cyclic Jacobi); their eigenvectors in the columns of {@code v}. */
    private static double[] jacobi(double[][] matrix, double[][] v) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double total = 0;
            for (int p = 0; p < n; p++) {
                total += a[p][p] * a[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-24 * Math.max(total, 1e-300)) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double cos = 1 / Math.sqrt(t * t + 1);
                    double sin = t * cos;
                    for (int r = 0; r < n; r++) {
                        double rp = a[r][p];
                        double rq = a[r][q];
                        a[r][p] = cos * rp - sin * rq;
                        a[r][q] = sin * rp + cos * rq;
                    }
                    for (int r = 0; r < n; r++) {
                        double pr = a[p][r];
                        double qr = a[q][r];
                        a[p][r] = cos * pr - sin * qr;
                        a[q][r] = sin * pr + cos * qr;
                    }
                    for (int r = 0; r < n; r++) {
                        double rp = v[r][p];
                        double rq = v[r][q];
                        v[r][p] = cos * rp - sin * rq;
                        v[r][q] = sin * rp + cos * rq;
                    }
                }
            }
        }
        double[] eigenvalues = new double[n];
        for (int i = 0; i < n; i++) {
            eigenvalues[i] = a[i][i];
        }
        return eigenvalues;
    }
}
