package org.deepcluster.core.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The Student's t clustering layer: assignments by the definition, target distribution, and gradients. */
class StudentTClusteringTest {

    private static double[] random(final int length, final double scale, final long seed) {
        final Random r = new Random(seed);
        final double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return v;
    }

    @Test
    void softAssignmentsFollowTheDefinition() {
        for (final double alpha : new double[]{1.0, 2.5, 0.3}) {
            final int n = 7;
            final int k = 3;
            final int d = 2;
            final double[] z = random(n * d, 2, 1);
            final double[] mu = random(k * d, 2, 2);
            final double[] q = new double[n * k];
            new StudentTClustering(k, d, alpha).assign(z, n, mu, q);
            for (int i = 0; i < n; i++) {
                final double[] t = new double[k];
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    final double dx = z[i * d] - mu[j * d];
                    final double dy = z[i * d + 1] - mu[j * d + 1];
                    t[j] = Math.pow(1 + (dx * dx + dy * dy) / alpha, -(alpha + 1) / 2);
                    sum += t[j];
                }
                for (int j = 0; j < k; j++) {
                    assertEquals(t[j] / sum, q[i * k + j], 1e-12, "alpha " + alpha + ", row " + i);
                }
            }
        }
    }

    @Test
    void farPointsDoNotUnderflow() {
        // with α = 1e-3 and distances of 1e6, t = (1e15)^-500.5 underflows to 0 in a direct computation: 0/0
        final StudentTClustering layer = new StudentTClustering(2, 1, 1e-3);
        final double[] q = new double[2];
        layer.assign(new double[]{1e6}, 1, new double[]{0, 2.5e6}, q);
        assertEquals(1.0, q[0] + q[1], 1e-12);
        assertTrue(Double.isFinite(q[0]) && q[0] > 0.5, "the nearer centre gets the larger share: " + q[0]);
    }

    @Test
    void targetSharpensAndNormalises() {
        final int n = 4;
        final int k = 2;
        final double[] q = {0.9, 0.1, 0.6, 0.4, 0.2, 0.8, 0.5, 0.5};
        final double[] p = new StudentTClustering(k, 1, 1).target(q, n);
        final double f0 = 0.9 + 0.6 + 0.2 + 0.5;
        final double f1 = 0.1 + 0.4 + 0.8 + 0.5;
        for (int i = 0; i < n; i++) {
            final double a = q[i * k] * q[i * k] / f0;
            final double b = q[i * k + 1] * q[i * k + 1] / f1;
            assertEquals(a / (a + b), p[i * k], 1e-12);
            assertEquals(b / (a + b), p[i * k + 1], 1e-12);
        }
        assertTrue(p[0] > q[0], "confident assignments get more confident");
    }

    @Test
    void lossIsTheKlDivergenceAndZeroWhenTargetEqualsAssignments() {
        final int n = 5;
        final int k = 3;
        final int d = 2;
        final StudentTClustering layer = new StudentTClustering(k, d, 1);
        final double[] z = random(n * d, 1, 3);
        final double[] mu = random(k * d, 1, 4);
        final double[] q = new double[n * k];
        layer.assign(z, n, mu, q);
        final double[] work = new double[n * k];
        final double[] gz = new double[n * d];
        final double[] gmu = new double[k * d];
        assertEquals(0.0, layer.lossAndGradient(z, n, q.clone(), mu, work, gz, gmu), 1e-12);
        assertArrayEquals(new double[n * d], gz, 1e-12, "no gradient at the optimum");
        final double[] p = layer.target(q, n);
        double kl = 0;
        for (int v = 0; v < n * k; v++) {
            kl += p[v] * Math.log(p[v] / q[v]);
        }
        assertEquals(kl / n, layer.lossAndGradient(z, n, p, mu, work, gz, gmu), 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (final double alpha : new double[]{1.0, 3.0}) {
            final int n = 6;
            final int k = 3;
            final int d = 4;
            final StudentTClustering layer = new StudentTClustering(k, d, alpha);
            final double[] z = random(n * d, 1.5, 5);
            final double[] mu = random(k * d, 1.5, 6);
            // a target that differs from q: the sharpened distribution of other points
            final double[] qOther = new double[n * k];
            layer.assign(random(n * d, 1.5, 7), n, mu, qOther);
            final double[] p = layer.target(qOther, n);
            final double[] work = new double[n * k];
            final double[] gz = new double[n * d];
            final double[] gmu = new double[k * d];
            layer.lossAndGradient(z, n, p, mu, work, gz, gmu);
            final double h = 1e-6;
            final double[] dz = new double[n * d];
            final double[] dmu = new double[k * d];
            for (int v = 0; v < n * d; v++) {
                final double[] plus = z.clone();
                final double[] minus = z.clone();
                plus[v] += h;
                minus[v] -= h;
                dz[v] = (layer.lossAndGradient(plus, n, p, mu, work, new double[n * d], new double[k * d])
                    - layer.lossAndGradient(minus, n, p, mu, work, new double[n * d], new double[k * d])) / (2 * h);
            }
            for (int v = 0; v < k * d; v++) {
                final double[] plus = mu.clone();
                final double[] minus = mu.clone();
                plus[v] += h;
                minus[v] -= h;
                dmu[v] = (layer.lossAndGradient(z, n, p, plus, work, new double[n * d], new double[k * d])
                    - layer.lossAndGradient(z, n, p, minus, work, new double[n * d], new double[k * d])) / (2 * h);
            }
            assertArrayEquals(dz, gz, 1e-7, "dL/dz, alpha " + alpha);
            assertArrayEquals(dmu, gmu, 1e-7, "dL/dmu, alpha " + alpha);
            double norm = 0;
            for (final double g : gz) {
                norm += Math.abs(g);
            }
            assertTrue(norm > 1e-3, "the check is not trivial: |dL/dz| = " + norm);
        }
    }

    @Test
    void hardLabelsAreTheLargestAssignment() {
        final int[] labels = new int[3];
        new StudentTClustering(3, 1, 1).hardLabels(new double[]{0.2, 0.5, 0.3, 0.6, 0.2, 0.2, 0.1, 0.1, 0.8}, 3,
            labels);
        assertArrayEquals(new int[]{1, 0, 2}, labels);
    }
}
