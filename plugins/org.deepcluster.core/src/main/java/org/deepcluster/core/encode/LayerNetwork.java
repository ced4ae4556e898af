package org.deepcluster.core.encode;

import java.io.IOException;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A DL4J {@link MultiLayerNetwork} autoencoder whose input and reconstruction target are the rows reshaped into a
 * layer format (images, sequences): the base of {@link ConvNetwork} and {@link LstmNetwork}. Trained with DL4J's own
 * {@code fit}, one call per mini-batch. In the model file only the flat parameter vector is stored
 * ({@link #PARAMETERS_ENTRY}); the configuration is rebuilt from the parameters in the metadata, so nothing but an
 * ND4J array is parsed when loading.
 */
abstract class LayerNetwork implements EncoderNetwork {

    /** Model file entry: the parameters, written by {@code Nd4j.write}. */
    static final String PARAMETERS_ENTRY = "network/parameters.bin";

    /** The DL4J network. */
    protected final MultiLayerNetwork net;

    private final int embeddingLayer;

    /**
     * @param conf the configuration
     * @param embeddingLayer the index of the (dense, linear) embedding layer
     */
    LayerNetwork(final MultiLayerConfiguration conf, final int embeddingLayer) {
        this.net = new MultiLayerNetwork(conf);
        this.net.init();
        this.embeddingLayer = embeddingLayer;
    }

    /**
     * @param rows scaled rows, {@code n × columns}
     * @return the network input
     */
    abstract INDArray input(INDArray rows);

    /**
     * @param rows scaled rows, {@code n × columns}
     * @return the reconstruction target in the output layer's format
     */
    abstract INDArray labels(INDArray rows);

    /**
     * @param rows scaled rows, {@code n × columns}
     * @return DL4J's per-time-step input mask {@code [n, T]} (1 = read the step), or null for none
     */
    INDArray inputMask(final INDArray rows) {
        return null;
    }

    /**
     * @param rows scaled rows, {@code n × columns}
     * @return DL4J's per-time-step mask of the reconstruction target {@code [n, T]} (1 = the step counts in the
     *         loss), or null for none
     */
    INDArray targetMask(final INDArray rows) {
        return null;
    }

    private DataSet dataSet(final INDArray input, final INDArray target) {
        return new DataSet(input(input), labels(target), inputMask(input), targetMask(target));
    }

    @Override
    public double fit(final INDArray input, final INDArray target) {
        net.fit(dataSet(input, target));
        return net.score();
    }

    @Override
    public double loss(final INDArray input, final INDArray target) {
        return net.score(dataSet(input, target), false);
    }

    @Override
    public INDArray encode(final INDArray input) {
        final INDArray mask = inputMask(input);
        net.setMask(mask); // feedForwardToLayer applies the network's mask to the layers
        try {
            return net.feedForwardToLayer(embeddingLayer, input(input), false).get(embeddingLayer + 1).dup();
        } finally {
            if (mask != null) {
                net.setMask(null);
                net.clearLayerMaskArrays();
            }
        }
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    @Override
    public INDArray copyParameters() {
        return net.params().dup();
    }

    @Override
    public void setParameters(final INDArray parameters) {
        net.setParams(parameters);
    }

    @Override
    public void write(final ModelFormat.Writer out) throws IOException {
        out.array(PARAMETERS_ENTRY, net.params());
    }

    /**
     * Loads the parameters of a rebuilt network from a model file.
     *
     * @param in the model file
     * @throws IOException if the entry is missing, damaged or of the wrong length
     */
    void readParameters(final ModelFormat.Reader in) throws IOException {
        readParameters(net, in, PARAMETERS_ENTRY);
    }

    /**
     * @param net a network built from the model's parameters
     * @param in the model file
     * @param entry the entry holding its flat parameter vector
     * @throws IOException if the entry is missing, damaged or of the wrong length
     */
    static void readParameters(final MultiLayerNetwork net, final ModelFormat.Reader in, final String entry)
        throws IOException {
        final INDArray params = in.array(entry);
        if (params.length() != net.numParams()) {
            throw new IOException("the network parameters in " + entry + " hold " + params.length() + " values but "
                + "the network described by the model's parameters needs " + net.numParams()
                + ": the model file is damaged");
        }
        net.setParams(params.reshape(1, params.length()).castTo(DataType.FLOAT));
    }
}
