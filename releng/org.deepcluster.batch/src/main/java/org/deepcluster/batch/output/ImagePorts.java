package org.deepcluster.batch.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

import org.knime.core.node.port.PortObject;

/**
 * Recognises image port objects by KNIME's API shape, without depending on a class the stand-in does not have:
 * KNIME's {@code ImagePortObject.getImageContent()} returns an {@code ImageContent} whose {@code save(OutputStream)}
 * writes the image (PNG for {@code PNGImageContent}). An object with that shape whose bytes start with the PNG
 * signature is written as a .png file.
 */
public final class ImagePorts {

    private static final byte[] PNG_SIGNATURE = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImagePorts() {
    }

    /**
     * @param object a port object
     * @return its PNG bytes, if it is an image port object holding a PNG
     */
    public static Optional<byte[]> png(final PortObject object) {
        try {
            Method getContent = object.getClass().getMethod("getImageContent");
            Object content = getContent.invoke(object);
            if (content == null) {
                return Optional.empty();
            }
            Method save = content.getClass().getMethod("save", OutputStream.class);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            save.invoke(content, bytes);
            byte[] data = bytes.toByteArray();
            return data.length >= PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(data, PNG_SIGNATURE.length), PNG_SIGNATURE) ? Optional.of(data)
                    : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) { // NOSONAR: not an image port object
            return Optional.empty();
        }
    }
}
