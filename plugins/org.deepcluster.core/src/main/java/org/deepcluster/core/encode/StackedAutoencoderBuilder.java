package org.deepcluster.core.encode;

import java.io.IOException;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Architecture#SAE}: a stacked autoencoder (Bengio et al., 2007; Vincent et al., 2010, without the noise),
 * the initialisation used by DEC.
 *
 * <p>Greedy layer-wise pretraining: for each encoder layer k (the hidden layers, then the linear embedding layer), a
 * shallow autoencoder "layer k → its mirrored decoder layer" is trained for
 * {@link EncoderParameters#pretrainEpochs()} epochs to reconstruct the codes of the already pretrained layers below
 * it (for k = 1 the scaled data, with the chosen loss; above that the codes, with MSE and the hidden activation on
 * the decoder side, as in the deep network). Its two weight matrices then initialise layer k and its mirror in the
 * deep autoencoder ({@link DenseNetwork}), which is finally fine-tuned end to end like an {@link Architecture#AE}.
 * The codes are computed batch by batch, so pretraining holds no copy of the data either.
 */
final class StackedAutoencoderBuilder implements ArchitectureBuilder {

    @Override
    public void validate(final EncoderParameters parameters) {
        if (parameters.pretrainEpochs() < 1) {
            throw new IllegalArgumentException("pretrainEpochs must be at least 1 for a stacked autoencoder (SAE), got "
                + parameters.pretrainEpochs());
        }
    }

    @Override
    public EncoderNetwork create(final int inputSize, final EncoderParameters parameters) {
        return DenseNetwork.create(inputSize, parameters);
    }

    @Override
    public int pretrainingEpochs(final EncoderParameters parameters) {
        return (parameters.hiddenSizes().length + 1) * parameters.pretrainEpochs();
    }

    @Override
    public void pretrain(final EncoderNetwork network, final TrainingContext context) {
        final EncoderParameters p = context.parameters();
        final DenseNetwork deep = (DenseNetwork)network;
        final MultiLayerNetwork net = deep.network();
        final int inputSize = (int)net.layerInputSize(0);
        final int[] s = DenseNetwork.encoderSizes(inputSize, p);
        final int m = s.length - 2; // index of the embedding layer
        final int lastLayer = net.getnLayers() - 1;
        for (int k = 0; k <= m; k++) {
            final MultiLayerNetwork shallow = shallow(s[k], s[k + 1], k, m, p);
            final boolean crossEntropy = k == 0 && p.loss() == ReconstructionLoss.BINARY_CROSS_ENTROPY;
            final Activation[] activations = {k == m ? null : p.activation(),
                k == 0 ? (crossEntropy ? Activation.SIGMOID : null) : p.activation()};
            final DenseTrainer trainer = DenseNetwork.trainer(shallow, activations, crossEntropy, p);
            final int layer = k;
            for (int e = 1; e <= p.pretrainEpochs(); e++) {
                final double loss = context.runEpoch(clean -> {
                    final INDArray codes = layer == 0 ? clean : deep.activate(layer - 1, clean);
                    if (trainer != null) {
                        return trainer.fit(codes, codes);
                    }
                    shallow.fit(codes, codes);
                    return shallow.score();
                }, "pretraining of layer " + (k + 1) + ", epoch " + e);
                context.epochFinished("pretraining layer " + (k + 1) + "/" + (m + 1) + ", epoch " + e + "/"
                    + p.pretrainEpochs() + ": loss " + TrainingContext.format(loss));
            }
            copy(shallow, 0, net, k);
            copy(shallow, 1, net, lastLayer - k);
        }
    }

    /** The shallow autoencoder for encoder layer k: that layer and its mirror, as in the deep network. */
    private static MultiLayerNetwork shallow(final int nIn, final int nOut, final int k, final int m,
        final EncoderParameters p) {
        final MultiLayerConfiguration conf = DenseNetwork.base(p, p.seed() + k + 1).list()
            // He/Glorot, zero biases: measured better than U(±1/√fan_in) for the pretraining (DenseNetwork.glorotHeLayer)
            .layer(DenseNetwork.glorotHeLayer(nIn, nOut, k == m ? null : p.activation()))
            .layer(DenseNetwork.outputLayer(nOut, nIn, p.loss(), k == 0 ? null : p.activation(), true))
            .build();
        final MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static void copy(final MultiLayerNetwork from, final int fromLayer, final MultiLayerNetwork to,
        final int toLayer) {
        for (final String key : new String[]{DefaultParamInitializer.WEIGHT_KEY, DefaultParamInitializer.BIAS_KEY}) {
            to.getLayer(toLayer).setParam(key, from.getLayer(fromLayer).getParam(key));
        }
    }

    @Override
    public EncoderNetwork restore(final int inputSize, final EncoderParameters parameters, final ModelFormat.Reader in)
        throws IOException {
        return DenseNetwork.restore(inputSize, parameters, in);
    }
}
