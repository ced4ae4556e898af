package org.deepcluster.batch.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The OSGi bundle (and feature) a node factory comes from, as KNIME writes it into settings.xml
 * ({@code node-bundle-*}, {@code node-feature-*}) so that a KNIME without the extension can say which one is
 * missing. Read from the {@code META-INF/MANIFEST.MF} next to the factory class: inside its jar, or, for a class
 * folder, in the folder or in the project two levels up (Tycho's {@code target/classes}).
 *
 * @param symbolicName Bundle-SymbolicName without directives, e.g. "org.deepcluster.knime"
 * @param name Bundle-Name
 * @param vendor Bundle-Vendor
 * @param version Bundle-Version as built, with qualifier (e.g. "0.1.0.202601151200")
 * @param feature the feature that includes the bundle (null: unknown)
 */
public record BundleInfo(String symbolicName, String name, String vendor, String version, FeatureInfo feature) {

    /**
     * @param factoryClass a class
     * @return the bundle it was loaded from, if its manifest can be found and names a bundle
     */
    public static Optional<BundleInfo> of(final Class<?> factoryClass) {
        return manifestOf(factoryClass).map(BundleInfo::fromManifest).filter(b -> b.symbolicName() != null)
            .map(b -> new BundleInfo(b.symbolicName(), b.name(), b.vendor(), b.version(),
                FeatureCatalog.builtIn().featureOf(b.symbolicName()).orElse(null)));
    }

    /**
     * The version KNIME-written files get: major.minor.micro. The build qualifier (a time stamp) is dropped, so
     * that regenerating a workflow does not change its files with every build.
     *
     * @return the version without qualifier, e.g. "0.1.0"
     */
    public String releaseVersion() {
        return withoutQualifier(version);
    }

    /**
     * @param version an OSGi version, e.g. "0.1.0.qualifier" or "5.3.2.v202409100934"
     * @return major.minor.micro ("0.0.0" for null or empty)
     */
    public static String withoutQualifier(final String version) {
        if (version == null || version.isBlank()) {
            return "0.0.0";
        }
        String[] parts = version.trim().split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(i > 0 ? "." : "").append(i < parts.length ? parts[i] : "0");
        }
        return sb.toString();
    }

    private static BundleInfo fromManifest(final Manifest manifest) {
        Attributes a = manifest.getMainAttributes();
        String symbolicName = a.getValue("Bundle-SymbolicName");
        if (symbolicName != null) {
            symbolicName = symbolicName.split(";", 2)[0].trim();
        }
        return new BundleInfo(symbolicName, a.getValue("Bundle-Name"), a.getValue("Bundle-Vendor"),
            a.getValue("Bundle-Version"), null);
    }

    private static Optional<Manifest> manifestOf(final Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    return Optional.ofNullable(jar.getManifest());
                }
            }
            for (Path candidate : new Path[]{location.resolve("META-INF/MANIFEST.MF"),
                location.resolve("../../META-INF/MANIFEST.MF").normalize()}) {
                if (Files.isRegularFile(candidate)) {
                    try (InputStream in = Files.newInputStream(candidate)) {
                        return Optional.of(new Manifest(in));
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) { // NOSONAR: informational
            return Optional.empty();
        }
        return Optional.empty();
    }
}
