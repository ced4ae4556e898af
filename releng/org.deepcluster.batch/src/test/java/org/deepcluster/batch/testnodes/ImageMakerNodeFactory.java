package org.deepcluster.batch.testnodes;

/** Test node: draws a small PNG from a table (description: ImageMakerNodeFactory.xml). */
public final class ImageMakerNodeFactory extends TestNodeFactory<ImageMakerNodeModel> {

    @Override
    public ImageMakerNodeModel createNodeModel() {
        return new ImageMakerNodeModel();
    }
}
