#!/usr/bin/env python3
"""Regenerate (or --check) the MANIFEST.MF of the third-party library bundles from their lib/ folders.

Why a script: Tycho reads MANIFEST.MF before any Maven plugin runs, so the manifests cannot be produced
in the same build that copies the jars; and OSGi Export-Package has no wildcards. The jars are copied by
maven-dependency-plugin (stripVersion, prependGroupId), so the jar names and hence the manifests only change
when the dependency set changes. Run after `./mvnw -pl plugins/org.deepcluster.libs,plugins/org.deepcluster.libs.linux.x86_64 generate-resources`.
"""
import os, sys, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HOST = "org.deepcluster.libs"
# Native fragments: bundle name -> OSGi platform filter. Only linux.x86_64 is built by default; the others with
# the Maven profile all-platforms. A fragment whose lib/ folder was not built is skipped by --check.
FRAGMENTS = {
    "org.deepcluster.libs.linux.x86_64": "(& (osgi.os=linux) (osgi.arch=x86_64))",
    "org.deepcluster.libs.win32.x86_64": "(& (osgi.os=win32) (osgi.arch=x86_64))",
    "org.deepcluster.libs.macosx.x86_64": "(& (osgi.os=macosx) (osgi.arch=x86_64))",
    "org.deepcluster.libs.macosx.aarch64": "(& (osgi.os=macosx) (osgi.arch=aarch64))",
}

HEADERS = {
    HOST: [
        ("Manifest-Version", "1.0"),
        ("Bundle-ManifestVersion", "2"),
        ("Bundle-Name", "Deep Clustering third-party libraries (DL4J, ND4J, Smile)"),
        ("Bundle-SymbolicName", HOST),
        ("Bundle-Version", "0.1.0.qualifier"),
        ("Bundle-Vendor", "Deep Clustering for KNIME"),
        ("Bundle-RequiredExecutionEnvironment", "JavaSE-17"),
        ("Eclipse-BundleShape", "dir"),
    ],
}


def fragment_headers(bundle):
    os_, arch = bundle.split(".")[-2:]
    return [
        ("Manifest-Version", "1.0"),
        ("Bundle-ManifestVersion", "2"),
        ("Bundle-Name", f"Deep Clustering native libraries for {os_} {arch}"),
        ("Bundle-SymbolicName", bundle),
        ("Bundle-Version", "0.1.0.qualifier"),
        ("Bundle-Vendor", "Deep Clustering for KNIME"),
        ("Fragment-Host", HOST + ';bundle-version="0.1.0"'),
        ("Bundle-RequiredExecutionEnvironment", "JavaSE-17"),
        ("Eclipse-PlatformFilter", FRAGMENTS[bundle]),
        ("Eclipse-BundleShape", "dir"),
    ]


def packages_in(jar_path):
    pkgs = set()
    with zipfile.ZipFile(jar_path) as z:
        for name in z.namelist():
            if name.endswith(".class") and "/" in name and not name.startswith("META-INF/"):
                pkg = name.rsplit("/", 1)[0]
                if "-" in pkg or pkg.split("/")[-1][0:1].isdigit():
                    continue  # multi-release or invalid package names
                pkgs.add(pkg.replace("/", "."))
    return pkgs


def wrap(header, value):
    """MANIFEST.MF lines are at most 72 bytes; continuation lines start with one space."""
    line = (header + ": " + value).encode("utf-8")
    out = [line[:72]]
    line = line[72:]
    while line:
        out.append(b" " + line[:71])
        line = line[71:]
    return b"\n".join(out).decode("utf-8")


def manifest_for(bundle):
    lib = os.path.join(ROOT, "plugins", bundle, "lib")
    if not os.path.isdir(lib):
        sys.exit(f"{lib} does not exist: run the generate-resources step first (see the script's docstring)")
    jars = sorted(f for f in os.listdir(lib) if f.endswith(".jar"))
    headers = list(HEADERS[bundle]) if bundle == HOST else fragment_headers(bundle)
    headers.append(("Bundle-ClassPath", ",".join("lib/" + j for j in jars)))
    if bundle == HOST:
        pkgs = set()
        for j in jars:
            pkgs |= packages_in(os.path.join(lib, j))
        headers.append(("Export-Package", ",".join(sorted(pkgs))))
    return "\n".join(wrap(h, v) for h, v in headers) + "\n"


def main():
    check = "--check" in sys.argv
    stale = []
    for bundle in [HOST, *FRAGMENTS]:
        if bundle != HOST and not os.path.isdir(os.path.join(ROOT, "plugins", bundle, "lib")):
            print("skipped (not built):", bundle)
            continue
        path = os.path.join(ROOT, "plugins", bundle, "META-INF", "MANIFEST.MF")
        text = manifest_for(bundle)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            if check:
                stale.append(path)
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                print("updated", path)
    if stale:
        sys.exit("Out-of-date library manifests (run releng/update-lib-manifests.py): " + ", ".join(stale))
    print("library manifests are up to date" if check else "done")


if __name__ == "__main__":
    main()
