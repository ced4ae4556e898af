package org.deepcluster.core.encode;

import java.util.StringJoiner;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * {@link Architecture#CAE}: a convolutional autoencoder as a DL4J {@code MultiLayerNetwork} (NCHW).
 *
 * <p><b>Pixel order.</b> Each row is one image of {@link EncoderParameters#imageHeight() H} ×
 * {@link EncoderParameters#imageWidth() W} pixels with {@link EncoderParameters#imageChannels() C} channels, stored
 * <em>channel-first</em> (planar) and row-major within a channel: column {@code c·H·W + y·W + x} holds channel c at
 * row y, column x. For one channel (grey-scale) this is simply the pixels row by row ({@code p0 … p(H·W−1)}). The row
 * is reshaped to {@code [C, H, W]} (DL4J's {@code InputType.convolutionalFlat}).
 *
 * <p><b>Layers.</b> Encoder: per hidden size f (e.g. {16, 8}) a 3×3 convolution with f filters ("same" padding, the
 * hidden activation) and a 2×2 max-pooling with stride 2 ("same" mode, so an odd size is rounded up); then a linear
 * dense layer, the embedding. Decoder: a dense layer (hidden activation) back to the last block's feature maps,
 * reshaped; per block, in reverse order, a 2× upsampling (cropped at the bottom/right where pooling rounded up) and a
 * 3×3 convolution with the block's filters; finally a 3×3 convolution to C channels and the loss layer: sigmoid with
 * binary cross-entropy for pixels in [0, 1], identity with mean squared error otherwise. The embedding is the dense
 * bottleneck. The loss is summed over the pixels (averaged over the channels for MSE) and averaged over the rows.
 *
 * <p><b>Training and inference</b> run in {@link ConvTrainer} (plain Java, the same mathematics as DL4J's {@code fit}
 * and feed-forward on this network, about 30× faster here); the DL4J network holds the parameters and defines the
 * model file.
 */
final class ConvNetwork extends LayerNetwork {

    private final EncoderParameters parameters;
    private final int[] heights;
    private final int[] widths;
    private final ConvTrainer trainer;

    /**
     * Whether training, loss and embedding use {@link ConvTrainer} (default) or DL4J's own {@code fit} and
     * feed-forward ({@code -Dorg.deepcluster.dl4jFit=true}, as for the dense networks; for the benchmark's comparison).
     */
    static boolean useConvTrainer = !Boolean.getBoolean("org.deepcluster.dl4jFit");

    /**
     * Where the trainable layers sit in the network.
     *
     * @param encoder the encoder convolution of each block
     * @param embedding the embedding layer (the expansion layer follows it)
     * @param decoder the decoder convolution of each level (index 0 = full image size)
     * @param output the output convolution
     */
    record LayerIndices(int[] encoder, int embedding, int[] decoder, int output) {
    }

    private ConvNetwork(final MultiLayerConfiguration conf, final EncoderParameters p, final int[] heights,
        final int[] widths, final LayerIndices layers) {
        super(conf, layers.embedding());
        this.parameters = p;
        this.heights = heights;
        this.widths = widths;
        this.trainer = new ConvTrainer(net, p, heights, widths, layers);
    }

    /**
     * @param p the parameters (valid, with an image shape that fits the input)
     * @return a new network with weights drawn from the seed
     */
    static ConvNetwork create(final EncoderParameters p) {
        final int[] f = p.hiddenSizes();
        final int k = f.length;
        final int[] h = new int[k + 1];
        final int[] w = new int[k + 1];
        h[0] = p.imageHeight();
        w[0] = p.imageWidth();
        for (int i = 0; i < k; i++) {
            h[i + 1] = (h[i] + 1) / 2;
            w[i + 1] = (w[i] + 1) / 2;
        }
        final NeuralNetConfiguration.ListBuilder list = DenseNetwork.base(p, p.seed()).list();
        int layer = 0;
        final int[] encoder = new int[k];
        final int[] decoder = new int[k];
        for (int i = 0; i < k; i++) {
            encoder[i] = layer;
            list.layer(layer++, conv(f[i], p.activation()));
            list.layer(layer++, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Same).build());
        }
        final int embeddingLayer = layer;
        list.layer(layer++, DenseNetwork.glorotHeLayer(f[k - 1] * h[k] * w[k], p.embeddingSize(), null));
        list.layer(layer++, DenseNetwork.glorotHeLayer(p.embeddingSize(), f[k - 1] * h[k] * w[k], p.activation()));
        list.inputPreProcessor(layer, new FeedForwardToCnnPreProcessor(h[k], w[k], f[k - 1]));
        for (int i = k - 1; i >= 0; i--) {
            list.layer(layer++, new Upsampling2D.Builder(2).build());
            final int cropH = 2 * h[i + 1] - h[i];
            final int cropW = 2 * w[i + 1] - w[i];
            if (cropH > 0 || cropW > 0) {
                list.layer(layer++, new Cropping2D(0, cropH, 0, cropW));
            }
            decoder[i] = layer;
            list.layer(layer++, conv(f[i], p.activation()));
        }
        final int output = layer;
        final boolean bce = p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY;
        list.layer(layer++, new ConvolutionLayer.Builder(3, 3).nOut(p.imageChannels())
            .convolutionMode(ConvolutionMode.Same).activation(new ActivationIdentity()).weightInit(WeightInit.XAVIER)
            .build());
        list.layer(layer, new CnnLossLayer.Builder(bce ? new LossBinaryXENT() : new LossMSE())
            .activation(bce ? new ActivationSigmoid() : new ActivationIdentity()).build());
        list.setInputType(InputType.convolutionalFlat(p.imageHeight(), p.imageWidth(), p.imageChannels()));
        return new ConvNetwork(list.build(), p, h, w, new LayerIndices(encoder, embeddingLayer, decoder, output));
    }

    private static ConvolutionLayer conv(final int filters, final Activation activation) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).convolutionMode(ConvolutionMode.Same)
            .activation(activation.dl4j()).weightInit(activation.weightInit()).build();
    }

    /** @return the Java training step (for tests) */
    ConvTrainer trainer() {
        return trainer;
    }

    @Override
    public double fit(final INDArray input, final INDArray target) {
        return useConvTrainer ? trainer.fit(input, target) : super.fit(input, target);
    }

    @Override
    public double loss(final INDArray input, final INDArray target) {
        return useConvTrainer ? trainer.loss(input, target) : super.loss(input, target);
    }

    @Override
    public INDArray encode(final INDArray input) {
        return useConvTrainer ? trainer.encode(input) : super.encode(input);
    }

    @Override
    INDArray input(final INDArray rows) {
        return rows; // the convolutionalFlat input type reshapes it to [n, C, H, W]
    }

    @Override
    INDArray labels(final INDArray rows) {
        return rows.reshape('c', rows.size(0), parameters.imageChannels(), parameters.imageHeight(),
            parameters.imageWidth());
    }

    @Override
    public String layout() {
        final int[] f = parameters.hiddenSizes();
        final StringJoiner j = new StringJoiner(" → ");
        j.add(shape(parameters.imageChannels(), 0));
        for (int i = 0; i < f.length; i++) {
            j.add("conv 3×3 " + shape(f[i], i) + ", max-pool " + shape(f[i], i + 1));
        }
        j.add(parameters.embeddingSize() + " (embedding)");
        j.add(shape(f[f.length - 1], f.length));
        for (int i = f.length - 1; i >= 0; i--) {
            j.add("upsample, conv 3×3 " + shape(f[i], i));
        }
        j.add("conv 3×3 " + shape(parameters.imageChannels(), 0));
        return j.toString();
    }

    private String shape(final int channels, final int level) {
        return channels + "×" + heights[level] + "×" + widths[level];
    }
}
