package org.deepcluster.core.deep;

/**
 * The clustering layer of DEC (Xie et al., 2016): soft assignments of embedded points to cluster centres with a
 * Student's t kernel, the sharpened target distribution, and the KL(P‖Q) loss with its gradients. All arrays are
 * row-major; computed in double precision.
 *
 * <p>With α the kernel's degrees of freedom and s_ij = 1 + ‖z_i − μ_j‖² / α:
 * <ul>
 * <li>q_ij = s_ij^(−(α+1)/2) / Σ_j' s_ij'^(−(α+1)/2) (computed in log space, so that far points do not underflow
 * to 0/0);</li>
 * <li>p_ij = (q_ij² / f_j) / Σ_j' (q_ij'² / f_j'), f_j = Σ_i q_ij (the soft cluster frequencies);</li>
 * <li>L = (1/B) Σ_i Σ_j p_ij log(p_ij / q_ij) over a batch of B rows, P held fixed;</li>
 * <li>∂L/∂z_i = (1/B) (α+1)/α Σ_j (p_ij − q_ij)(z_i − μ_j) / s_ij and
 * ∂L/∂μ_j = −(1/B) (α+1)/α Σ_i (p_ij − q_ij)(z_i − μ_j) / s_ij (the DEC paper's equations (4) and (5) for general
 * α, averaged over the batch).</li>
 * </ul>
 *
 * <p>Written by hand because it is a few loops over a k × d centre matrix: no library has it, and ND4J's op overhead
 * would exceed the arithmetic.
 */
final class StudentTClustering {

    private final int k;
    private final int d;
    private final double alpha;
    private final double exponent; // (α + 1) / 2
    private double[] s = new double[0]; // per batch: s_ij

    /**
     * @param k the number of clusters
     * @param d the embedding dimension
     * @param alpha the degrees of freedom of the kernel, &gt; 0
     */
    StudentTClustering(final int k, final int d, final double alpha) {
        this.k = k;
        this.d = d;
        this.alpha = alpha;
        this.exponent = (alpha + 1) / 2;
    }

    /**
     * Soft assignments of rows to centres.
     *
     * @param z the embedding, {@code n × d}
     * @param n the number of rows
     * @param centres the centres, {@code k × d}
     * @param q receives the assignments, {@code n × k}; each row sums to 1
     */
    void assign(final double[] z, final int n, final double[] centres, final double[] q) {
        for (int i = 0; i < n; i++) {
            assignRow(z, i, centres, q, null);
        }
    }

    /**
     * Computes row i of q (and of s, if wanted): the softmax of −(α+1)/2 · log s_ij over j.
     */
    private void assignRow(final double[] z, final int i, final double[] centres, final double[] q,
        final double[] sOut) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double dist = 0;
            for (int c = 0; c < d; c++) {
                final double diff = z[i * d + c] - centres[j * d + c];
                dist += diff * diff;
            }
            final double sij = 1 + dist / alpha;
            if (sOut != null) {
                sOut[i * k + j] = sij;
            }
            final double logT = -exponent * Math.log(sij);
            q[i * k + j] = logT;
            max = Math.max(max, logT);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            final double t = Math.exp(q[i * k + j] - max);
            q[i * k + j] = t;
            sum += t;
        }
        for (int j = 0; j < k; j++) {
            q[i * k + j] /= sum;
        }
    }

    /**
     * The target distribution of the whole data.
     *
     * @param q soft assignments, {@code n × k}
     * @param n the number of rows
     * @return p, {@code n × k}; each row sums to 1
     */
    double[] target(final double[] q, final int n) {
        final double[] frequency = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                frequency[j] += q[i * k + j];
            }
        }
        final double[] p = new double[n * k];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                final double qij = q[i * k + j];
                // a cluster without any mass (all its q underflowed) attracts nothing
                final double w = frequency[j] > 0 ? qij * qij / frequency[j] : 0;
                p[i * k + j] = w;
                sum += w;
            }
            for (int j = 0; j < k; j++) {
                p[i * k + j] = sum > 0 ? p[i * k + j] / sum : 1.0 / k;
            }
        }
        return p;
    }

    /**
     * The loss of a batch and its gradients.
     *
     * @param z the batch's embedding, {@code count × d}
     * @param count the number of rows B
     * @param p the target of each batch row, {@code count × k}
     * @param centres the centres, {@code k × d}
     * @param q work array for the batch's soft assignments, at least {@code count × k}; holds them afterwards
     * @param zGradient receives ∂L/∂z, {@code count × d}
     * @param centreGradient receives ∂L/∂μ, {@code k × d}
     * @return L = (1/B) Σ_i KL(p_i ‖ q_i)
     */
    double lossAndGradient(final double[] z, final int count, final double[] p, final double[] centres,
        final double[] q, final double[] zGradient, final double[] centreGradient) {
        if (s.length < count * k) {
            s = new double[count * k];
        }
        java.util.Arrays.fill(centreGradient, 0, k * d, 0.0);
        final double scale = (alpha + 1) / alpha / count;
        double loss = 0;
        for (int i = 0; i < count; i++) {
            assignRow(z, i, centres, q, s);
            for (int c = 0; c < d; c++) {
                zGradient[i * d + c] = 0;
            }
            for (int j = 0; j < k; j++) {
                final double pij = p[i * k + j];
                final double qij = q[i * k + j];
                if (pij > 0) {
                    loss += pij * Math.log(pij / qij);
                }
                final double w = scale * (pij - qij) / s[i * k + j];
                for (int c = 0; c < d; c++) {
                    final double g = w * (z[i * d + c] - centres[j * d + c]);
                    zGradient[i * d + c] += g;
                    centreGradient[j * d + c] -= g;
                }
            }
        }
        return loss / count;
    }

    /**
     * @param p target distributions
     * @param q soft assignments
     * @param length the number of values in each
     * @return Σ p log(p / q) over all values (terms with p = 0 count 0)
     */
    static double kl(final double[] p, final double[] q, final int length) {
        double sum = 0;
        for (int v = 0; v < length; v++) {
            if (p[v] > 0) {
                sum += p[v] * Math.log(p[v] / q[v]);
            }
        }
        return sum;
    }

    /**
     * @param q soft assignments, {@code n × k}
     * @param n the number of rows
     * @param labels receives the hard assignment of each row: the cluster with the largest q (the nearest centre)
     */
    void hardLabels(final double[] q, final int n, final int[] labels) {
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (q[i * k + j] > q[i * k + best]) {
                    best = j;
                }
            }
            labels[i] = best;
        }
    }
}
