package org.deepcluster.batch.testnodes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;

import javax.imageio.ImageIO;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Draws one pixel column per input row into a PNG. */
public final class ImageMakerNodeModel extends NodeModel {

    ImageMakerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{TestImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) {
        return new PortObjectSpec[]{new TestImagePortObject.Spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        int width = (int)Math.max(1, ((BufferedDataTable)inObjects[0]).size());
        BufferedImage image = new BufferedImage(width, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, 0, 0x3366cc);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return new PortObject[]{new TestImagePortObject(png.toByteArray())};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        // none
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) {
        // none
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        // none
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void reset() {
        // nothing cached
    }
}
