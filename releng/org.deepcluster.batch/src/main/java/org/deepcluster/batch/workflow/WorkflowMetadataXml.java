package org.deepcluster.batch.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code workflow-metadata.xml}, where KNIME 5.1+ keeps a workflow's description, author and dates (schema
 * {@code metadata-1.0.xsd} of knime-shared, namespace {@value #NAMESPACE}). The legacy {@code workflowset.meta} is
 * not written: KNIME reads the new file first and rewrites the old one when it saves.
 */
public final class WorkflowMetadataXml {

    /** The namespace of workflow-metadata.xml. */
    public static final String NAMESPACE = "http://www.knime.org/core/node/workflow/metadata/v1.0";

    private static final DateTimeFormatter XS_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** What the file holds. */
    public record Metadata(String author, OffsetDateTime created, OffsetDateTime lastModified, String description) {
    }

    private WorkflowMetadataXml() {
    }

    /**
     * @param metadata the metadata (author and created may be null)
     * @param file the file to write
     * @throws IOException if writing fails
     */
    public static void write(final Metadata metadata, final Path file) throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<workflow-metadata content-type=\"text/plain\" xmlns=\"").append(NAMESPACE).append("\">\n");
        if (metadata.author() != null) {
            element(sb, "author", metadata.author());
        }
        if (metadata.created() != null) {
            element(sb, "created", XS_DATE_TIME.format(metadata.created()));
        }
        element(sb, "last-modified", XS_DATE_TIME.format(metadata.lastModified()));
        if (metadata.description().isEmpty()) {
            sb.append("    <description/>\n");
        } else {
            element(sb, "description", metadata.description());
        }
        sb.append("</workflow-metadata>\n");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static void element(final StringBuilder sb, final String name, final String text) {
        sb.append("    <").append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    private static String escape(final String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * @param file a workflow-metadata.xml
     * @return its content
     * @throws WorkflowLoadException if it does not parse
     */
    public static Metadata read(final Path file) throws WorkflowLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(in).getDocumentElement();
            String created = text(root, "created");
            String modified = text(root, "last-modified");
            String description = text(root, "description");
            return new Metadata(text(root, "author"), created == null ? null : OffsetDateTime.parse(created),
                modified == null ? null : OffsetDateTime.parse(modified), description == null ? "" : description);
        } catch (DateTimeParseException e) {
            throw new WorkflowLoadException(file, null, "invalid date: " + e.getParsedString(), e);
        } catch (Exception e) { // NOSONAR: I/O, parser configuration and SAX errors alike
            throw new WorkflowLoadException(file, null, "malformed XML: " + e.getMessage(), e);
        }
    }

    private static String text(final Element root, final String name) {
        NodeList list = root.getElementsByTagNameNS(NAMESPACE, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }
}
