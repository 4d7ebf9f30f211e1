package dev.mynasim.cli;

import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mynasim ca crl|list}: what the shared test CA says. */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "The shared test CA: its CRLs and its certificates.",
        subcommands = {CaCommand.Crl.class, CaCommand.ListCertificates.class})
public final class CaCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "crl", mixinStandardHelpOptions = true,
            description = "Publishes the CRL of one root as of --today: prints its revoked serials, and writes the DER with --out.")
    static final class Crl implements Callable<Integer> {
        @Mixin
        OfficeCommand.Counter counter;

        @Option(names = "--purpose", required = true, paramLabel = "auth|sign", description = "Which root's CRL.")
        String purpose;

        @Option(names = "--out", paramLabel = "FILE", description = "Also write the CRL (DER) here.")
        Path out;

        @Override
        public Integer call() throws Exception {
            CertificatePurpose which = CertificatePurpose.valueOf(purpose.toUpperCase(Locale.ROOT));
            X509CRL crl = counter.ca().publishCrl(which, counter.today());
            System.out.println("CRL of the " + which + " root, thisUpdate " + crl.getThisUpdate().toInstant()
                    + ", nextUpdate " + crl.getNextUpdate().toInstant());
            if (crl.getRevokedCertificates() != null) {
                for (X509CRLEntry entry : crl.getRevokedCertificates().stream()
                        .sorted(Comparator.comparing(X509CRLEntry::getRevocationDate)).toList()) {
                    System.out.println("  " + entry.getSerialNumber().toString(16) + "  " + entry.getRevocationDate().toInstant()
                            + "  " + (entry.getRevocationReason() == null ? "" : entry.getRevocationReason()));
                }
            }
            if (out != null) {
                Files.write(out, crl.getEncoded());
                System.out.println("written to " + out);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a holder's certificates and their states.")
    static final class ListCertificates implements Callable<Integer> {
        @Mixin
        OfficeCommand.Counter counter;

        @Override
        public Integer call() {
            TestCertificateAuthority ca = counter.ca();
            System.out.println("CA state: " + ca.stateFile());
            for (CertificateRecord r : ca.recordsOf(counter.persona().id())) {
                System.out.println("  " + r.purpose() + " " + r.serialHex() + " " + r.notBefore() + ".." + r.notAfter() + " " + r.state()
                        + (r.reason() == null ? "" : " (" + r.reason() + ")"));
            }
            return 0;
        }
    }
}
