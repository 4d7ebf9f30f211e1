package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: several processes change one CA state folder at once and no change is lost. Each of
 * {@value #PROCESSES} JVMs makes {@value #OPERATIONS} changes (a CRL published, a fee charged, a hold
 * put on or released) and prints what it did; afterwards the files hold every one of them.
 */
class ConcurrentStateTest {

    static final int PROCESSES = 8;
    static final int OPERATIONS = 50;
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @TempDir
    Path dir;

    @Test
    void eightProcessesLoseNoChange() throws Exception {
        long start = System.nanoTime();
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < PROCESSES; w++) {
            workers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Worker.class.getName(),
                    dir.toString(), String.valueOf(w), String.valueOf(OPERATIONS))
                    .redirectErrorStream(true).start());
        }
        Set<Long> crlNumbers = new HashSet<>();
        int crls = 0;
        for (Process p : workers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a worker did not finish");
            assertEquals(0, p.exitValue(), "worker failed:\n" + out);
            for (String line : out.lines().toList()) {
                if (line.startsWith("crl ")) {
                    crls++;
                    assertTrue(crlNumbers.add(Long.parseLong(line.substring(4).trim())), "CRL number used twice: " + line);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        TestPki pki = TestPki.load(PersonaRepository.load());
        TestCertificateAuthority ca = TestCertificateAuthority.open(pki, dir);
        MunicipalOffice office = new MunicipalOffice(ca);
        CaStateFile.Content state = new CaStateFile(dir).load();
        long lastNumbers = state.lastCrlNumbers().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(crls, lastNumbers, "every CRL published is counted in the state file");
        int fees = 0;
        for (String persona : pki.allCredentials().keySet()) {
            fees += office.ledger().fees(persona).size();
        }
        int expectedFees = 0;
        for (int w = 0; w < PROCESSES; w++) {
            expectedFees += Worker.fees(OPERATIONS);
        }
        assertEquals(expectedFees, fees, "every fee charged is in the ledger");
        List<X509Certificate> certificates = Worker.certificates(pki);
        for (int w = 0; w < PROCESSES && w < certificates.size(); w++) {
            CertificateState expected = Worker.holds(OPERATIONS) % 2 == 1 ? CertificateState.ON_HOLD : CertificateState.GOOD;
            assertEquals(expected, ca.find(certificates.get(w)).orElseThrow().state(), "worker " + w + "'s last hold change kept");
        }
        System.out.printf("ConcurrentStateTest: %d processes x %d operations (%d CRLs, %d fees, holds on %d certificates) in %.1f s, 0 lost%n",
                PROCESSES, OPERATIONS, crls, fees, Math.min(PROCESSES, certificates.size()), seconds);
    }

    /** One process: its share of changes, each printed when it is done. */
    public static final class Worker {

        static int fees(int operations) {
            return (int) java.util.stream.IntStream.range(0, operations).filter(i -> i % 3 == 1).count();
        }

        static int holds(int operations) {
            return (int) java.util.stream.IntStream.range(0, operations).filter(i -> i % 3 == 2).count();
        }

        static List<X509Certificate> certificates(TestPki pki) {
            List<X509Certificate> all = new ArrayList<>();
            pki.allCredentials().values().stream().sorted(java.util.Comparator.comparing(c -> c.personaId())).forEach(c -> {
                all.add(c.authCertificate());
                c.signCertificate().ifPresent(all::add);
            });
            return all;
        }

        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            int worker = Integer.parseInt(args[1]);
            int operations = Integer.parseInt(args[2]);
            TestPki pki = TestPki.load(PersonaRepository.load());
            TestCertificateAuthority ca = TestCertificateAuthority.open(pki, dir);
            pki.allCredentials().values().forEach(ca::registerIssued);
            MunicipalOffice office = new MunicipalOffice(ca);
            List<X509Certificate> certificates = certificates(pki);
            X509Certificate mine = worker < certificates.size() ? certificates.get(worker) : null;
            boolean held = false;
            for (int i = 0; i < operations; i++) {
                switch (i % 3) {
                    case 0 -> {
                        CertificatePurpose purpose = (i / 3) % 2 == 0 ? CertificatePurpose.AUTH : CertificatePurpose.SIGN;
                        java.security.cert.X509CRL crl = ca.publishCrl(purpose, TODAY);
                        byte[] ext = crl.getExtensionValue(org.bouncycastle.asn1.x509.Extension.cRLNumber.getId());
                        long number = org.bouncycastle.asn1.ASN1Integer.getInstance(
                                org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets()).getValue().longValueExact();
                        // AUTH and SIGN count separately: AUTH numbers as they are, SIGN ones offset to keep one set.
                        System.out.println("crl " + (purpose == CertificatePurpose.AUTH ? number : 1_000_000 + number));
                    }
                    case 1 -> {
                        String persona = pki.allCredentials().keySet().iterator().next();
                        office.ledger().charge(new OfficeLedger.Fee(persona, TODAY, 1, "worker " + worker + " op " + i, "w" + worker + "-" + i));
                        System.out.println("fee " + i);
                    }
                    default -> {
                        if (mine != null) {
                            if (held) {
                                ca.releaseHold(mine, TODAY);
                            } else {
                                ca.hold(mine, TODAY);
                            }
                            held = !held;
                        }
                        System.out.println("hold " + i);
                    }
                }
            }
        }
    }
}
